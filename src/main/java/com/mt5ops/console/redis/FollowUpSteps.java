package com.mt5ops.console.redis;

import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The steps after a transition's compare-and-set, each safe to repeat and to run from two consoles at once: the
 * restart count (once per transaction), the audit entry (once per transaction), the index, and last the pending
 * record's deletion. A step that fails leaves the record, so the recovery pass runs them all again.
 */
final class FollowUpSteps {
    /** How long the counted record remembers a transaction: longer than any recovery is expected to wait. */
    static final Duration COUNTED_RETENTION = Duration.ofDays(7);
    /** How far before the change the audit stream is searched: covers that much clock difference between nodes. */
    static final Duration AUDIT_LOOKBACK = Duration.ofMinutes(1);
    private static final int INDEX_ROUNDS = 3;

    /**
     * What the steps did: the failures (empty when every step is done, the record deleted), a note for the result, and
     * the state the instance holds when the change itself turned out to be gone from Redis (null otherwise).
     */
    record Outcome(List<String> failures, String note, String lostTo) {
        Outcome(List<String> failures, String note) {
            this(failures, note, null);
        }

        boolean complete() {
            return failures.isEmpty() && lostTo == null;
        }

        boolean lost() {
            return lostTo != null;
        }
    }

    private final RedisClusterAsyncCommands<String, String> redis;
    private final SlotScript countScript = new SlotScript("count-restart.lua");
    private final SlotScript auditScript = new SlotScript("audit-once.lua");
    private final SlotScript finishScript = new SlotScript("finish-pending.lua");

    FollowUpSteps(RedisClusterAsyncCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Runs every step not known to be done; never fails (a failure is in the outcome). */
    CompletableFuture<Outcome> run(PendingTransition p) {
        if (p.aborted()) {
            return step("deleting the aborted pending record", () -> finish(p)).thenApply(f -> outcome(List.of(f), ""));
        }
        CompletableFuture<String> index = step("the index sets", () -> index(p.instanceId(), 1));
        CompletableFuture<PendingTransition> counted = call(() -> count(p));
        // The audit entry records the count, so it waits for it; the index goes its own way.
        CompletableFuture<String> audit = counted.handle((c, failure) -> failure).thenCompose(failure -> failure == null
                ? step("the audit entry", () -> audit(counted.join()))
                : CompletableFuture.completedFuture("the restart count failed (" + reason(failure) + "), so the audit entry waits for it"));
        return audit.thenCombine(index, List::of).thenCompose(failures -> {
            if (failures.stream().anyMatch(f -> !f.isEmpty())) {
                return CompletableFuture.completedFuture(outcome(failures, ""));
            }
            String note = counted.join().countNote();
            return call(() -> finishScript.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {TransitionKeys.pending(p.instanceId())},
                    p.txn(), "done", "", "")).thenCompose(deleted -> deleted == 1L ? CompletableFuture.completedFuture(outcome(List.of(), note))
                    // the record was gone: completed by a recovery pass (the state is ours), or lost with the change itself
                    // (its master failed over before a replica had them)
                    : state(p.instanceId()).thenApply(now -> Objects.equals(now, p.to()) ? outcome(List.of(), note)
                            : new Outcome(List.of(), note, now == null ? "no state" : now)))
                    .exceptionally(failure -> outcome(List.of("deleting the pending record failed (" + reason(failure) + ")"), note));
        });
    }

    private static Outcome outcome(List<String> failures, String note) {
        return new Outcome(failures.stream().filter(f -> f != null && !f.isEmpty()).toList(), note == null ? "" : note);
    }

    private CompletableFuture<PendingTransition> count(PendingTransition p) {
        if (!p.markRestart() || p.countDone()) {
            return CompletableFuture.completedFuture(p);
        }
        String id = p.instanceId();
        return countScript.<List<Object>>run(redis, ScriptOutputType.MULTI,
                new String[] {KeySchema.healthKey(id), TransitionKeys.counted(id)}, p.txn(), Long.toString(COUNTED_RETENTION.toMillis()))
                .thenCompose(reply -> {
                    boolean counts = "COUNTED".equals(String.valueOf(reply.get(0)));
                    String value = String.valueOf(reply.get(1));
                    PendingTransition done = p.counted(counts ? value : "", counts ? "" : value);
                    // Kept on the record too, so a recovery long after the counted record expired still counts once.
                    return finishScript.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {TransitionKeys.pending(id)},
                            p.txn(), "counted", done.restartCount(), done.countNote()).thenApply(updated -> done);
                });
    }

    private CompletableFuture<Void> audit(PendingTransition p) {
        String lookFrom = Math.max(0, p.timeMs() - AUDIT_LOOKBACK.toMillis()) + "-0";
        return auditScript.<List<Object>>run(redis, ScriptOutputType.MULTI, new String[] {KeySchema.AUDIT_STREAM},
                p.txn(), lookFrom, TransitionService.AUDIT_MAXLEN,
                "instance_id", p.instanceId(), "from", p.from(), "to", p.to(), "reason", p.reason(),
                "restart_count", p.markRestart() ? p.restartCount() : "", "operator", p.operator(), "redis_user", p.redisUser(),
                "host", p.host(), "time", p.time(), "txn", p.txn()).thenApply(reply -> null);
    }

    /**
     * Files the id under the state its hash holds now (our target, unless another writer moved it since) and
     * nowhere else among the known states, then reads the state again: if it moved meanwhile, files it again.
     */
    private CompletableFuture<Void> index(String id, int round) {
        return state(id).thenCompose(state -> {
            String target = InstanceState.fromWire(state).map(s -> KeySchema.stateSetKey(s.wire())).orElse(null);
            List<CompletableFuture<Long>> writes = new ArrayList<>();
            for (String set : StateSets.keysAfter()) {
                writes.add((set.equals(target) ? redis.sadd(set, id) : redis.srem(set, id)).toCompletableFuture());
            }
            return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                    .thenCompose(written -> state(id))
                    .thenCompose(after -> Objects.equals(after, state) || round >= INDEX_ROUNDS
                            ? CompletableFuture.completedFuture(null) : index(id, round + 1));
        });
    }

    /** The hash's state field; null when the field, or the hash, is gone (the id then belongs in no state set). */
    private CompletableFuture<String> state(String id) {
        return redis.hget(KeySchema.instanceKey(id), "state").toCompletableFuture().exceptionallyCompose(failure -> {
            Throwable cause = unwrap(failure);
            return cause instanceof RedisCommandExecutionException && String.valueOf(cause.getMessage()).startsWith("WRONGTYPE")
                    ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(cause);
        });
    }

    private CompletableFuture<Void> finish(PendingTransition p) {
        return finishScript.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {TransitionKeys.pending(p.instanceId())},
                p.txn(), "done", "", "").thenApply(deleted -> null);
    }

    /** Runs a step; "" when it succeeded, else one line naming it and what Redis said. */
    private static CompletableFuture<String> step(String name, Supplier<CompletableFuture<Void>> action) {
        return call(action).handle((ok, failure) -> failure == null ? "" : name + " failed (" + reason(failure) + ")");
    }

    /** A call that may throw before it returns a future (a command rejected while disconnected) fails the future instead. */
    private static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> action) {
        try {
            return action.get();
        } catch (RuntimeException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
    }

    static String reason(Throwable failure) {
        Throwable cause = unwrap(failure);
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse("");
        return RedisAccessException.isDenial(text) ? "permission denied: " + text : text;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
