package com.mt5ops.console.redis;

import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.model.TransitionTable;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Operator transitions where the keys they touch live in different slots (Redis Cluster; it runs unchanged on one
 * server). The compare-and-set on {@code instance:<id>} is the single decision point: one script on that key's slot
 * changes the state and writes a pending record with the audit entry's content beside it, atomically. Read-only
 * pre-checks before it refuse what the data would refuse; idempotent follow-up steps after it write the count, the
 * audit entry and the index, then delete the record. If they are cut short, {@link TransitionRecovery} completes them.
 * Outcomes are those of {@link TransitionService}; DONE only when every step is done.
 */
public final class SlotSafeTransitions {
    /** A pending record older than this is someone's interrupted transition, which a later attempt completes first. */
    static final Duration HELP_AFTER = Duration.ofSeconds(10);

    /** What the compare-and-set decided: a final result, or a changed state whose follow-up steps are to run. */
    sealed interface Begun permits Settled, Changed {
    }

    record Settled(TransitionResult result) implements Begun {
    }

    record Changed(PendingTransition pending) implements Begun {
    }

    private final RedisClusterAsyncCommands<String, String> redis;
    private final TransitionTable table;
    private final String target;
    private final Duration helpAfter;
    private final AuthenticatedUser user;
    private final TransitionPrechecks prechecks;
    private final FollowUpSteps steps;
    private final SlotScript cas = new SlotScript("server-time.lua", "state-check.lua", "cas-with-pending.lua");

    /**
     * @param redis  a cluster connection's commands, or a single server's (both are {@code RedisClusterAsyncCommands});
     *               over a connection that never replays, like {@link TransitionService}'s
     * @param target the endpoint as operators may see it, for messages
     */
    public SlotSafeTransitions(RedisClusterAsyncCommands<String, String> redis, TransitionTable table, String target) {
        this(redis, table, target, HELP_AFTER);
    }

    SlotSafeTransitions(RedisClusterAsyncCommands<String, String> redis, TransitionTable table, String target, Duration helpAfter) {
        this.redis = redis;
        this.table = table;
        this.target = target;
        this.helpAfter = helpAfter;
        this.user = new AuthenticatedUser(redis);
        this.prechecks = new TransitionPrechecks(redis);
        this.steps = new FollowUpSteps(redis);
    }

    /** Runs one transition to the end: DONE only when the state, count, audit entry and index are all written. */
    public CompletableFuture<TransitionResult> apply(TransitionRequest request) {
        return begin(request).thenCompose(begun -> begun instanceof Changed changed
                ? complete(changed.pending()) : CompletableFuture.completedFuture(((Settled) begun).result()));
    }

    /**
     * Runs the follow-up steps of a changed state (after the compare-and-set, or for the recovery pass). DONE when
     * all are done; SERVER_ERROR saying the state changed and what is left when one fails.
     */
    public CompletableFuture<TransitionResult> complete(PendingTransition p) {
        String id = p.instanceId();
        return steps.run(p).thenApply(outcome -> {
            if (outcome.complete()) {
                return p.aborted()
                        ? new TransitionResult(Outcome.DONE, id, null, "deleted the aborted pending record of " + id + " (the state had not changed)")
                        : TransitionReplies.toResult(id, List.of("DONE", p.to(), outcome.note()));
            }
            if (outcome.lost()) {
                return new TransitionResult(Outcome.SERVER_ERROR, id, outcome.lostTo(), "the change of " + id + " (" + p.describe()
                        + ") is no longer in Redis: the instance holds " + outcome.lostTo() + " and its pending record is gone (its master"
                        + " failed over before a replica had them?). The audit entry written for it records a change Redis does not"
                        + " hold; look before acting again");
            }
            return new TransitionResult(Outcome.SERVER_ERROR, id, p.to(), "the state of " + id + " changed (" + p.describe()
                    + ") but " + String.join("; ", outcome.failures()) + ". Its pending record " + TransitionKeys.pending(id)
                    + " keeps the audit entry's content: the recovery pass completes the rest (check shows TRANSITION_PENDING until then)");
        });
    }

    /** The pre-checks and the compare-and-set: the only step that decides. Package-private so tests can stop after it. */
    CompletableFuture<Begun> begin(TransitionRequest request) {
        String id = request.instanceId();
        if (id.indexOf('{') >= 0 || id.indexOf('}') >= 0) {
            return settled(new TransitionResult(Outcome.REFUSED, id, null, "refused before any write: " + id
                    + ": an id with a brace would put its pending record in another slot than its instance hash"));
        }
        String txn = UUID.randomUUID().toString();
        return user.name()
                .thenCompose(redisUser -> prechecks.refusal(id, request.markRestart())
                        .thenCompose(refusal -> compareAndSet(request, redisUser, txn, refusal))
                        .thenCompose(reply -> decide(request, txn, redisUser, reply)))
                .exceptionally(failure -> new Settled(TransitionReplies.toFailure(target, id, failure)));
    }

    private CompletableFuture<List<Object>> compareAndSet(TransitionRequest r, String redisUser, String txn, String refusal) {
        String id = r.instanceId();
        List<String> args = new ArrayList<>(List.of(id, r.expected().wire(), r.to().wire(), r.markRestart() ? "1" : "0",
                table.encoded(), r.operator(), redisUser, r.host(), r.reason() == null ? "" : r.reason(), txn, refusal,
                KeySchema.AUDIT_STREAM, KeySchema.healthKey(id), TransitionKeys.counted(id)));
        args.addAll(List.of(StateSets.keysAfter()));
        return cas.run(redis, ScriptOutputType.MULTI, new String[] {KeySchema.instanceKey(id), TransitionKeys.pending(id)},
                args.toArray(String[]::new));
    }

    private CompletableFuture<Begun> decide(TransitionRequest r, String txn, String redisUser, List<Object> reply) {
        String id = r.instanceId();
        String outcome = String.valueOf(reply.get(0));
        if (outcome.equals("CHANGED")) {
            // Exactly what the script put in the pending record.
            return CompletableFuture.completedFuture(new Changed(new PendingTransition(txn, id, String.valueOf(reply.get(2)),
                    r.to().wire(), r.reason() == null ? "" : r.reason(), r.operator(), redisUser, r.host(),
                    String.valueOf(reply.get(3)), Long.parseLong(String.valueOf(reply.get(4))), r.markRestart(), false, "", "", false)));
        }
        if (!outcome.equals("IN_FLIGHT")) {
            return settled(TransitionReplies.toResult(id, reply));
        }
        String stateNow = String.valueOf(reply.get(1));
        String other = String.valueOf(reply.get(2));
        long age = Long.parseLong(String.valueOf(reply.get(4)));
        if (age < helpAfter.toMillis()) {
            return settled(conflict(id, stateNow, "a transition of " + id + " is still being completed: " + other + "; try again in a moment"));
        }
        // Someone's transition was cut short: complete it, then report what the operator now needs to look at.
        return new TransitionRecovery(redis, this).recover(id).handle((done, failure) -> new Settled(conflict(id,
                failure == null ? done.stateNow() : stateNow, "an earlier transition of " + id + " had not been completed (" + other
                        + "): " + (failure == null ? done.message() : "completing it failed: " + FollowUpSteps.reason(failure))
                        + "; look at the instance again before retrying")));
    }

    private static TransitionResult conflict(String id, String stateNow, String message) {
        return new TransitionResult(Outcome.CONFLICT, id, stateNow == null || stateNow.isEmpty() ? null : stateNow, "conflict: " + message);
    }

    private static CompletableFuture<Begun> settled(TransitionResult result) {
        return CompletableFuture.completedFuture(new Settled(result));
    }
}
