package com.mt5ops.console.redis;

import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.Problem;
import com.mt5ops.console.model.ProblemCode;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Finds transitions whose state changed but whose follow-up steps were cut short (a console killed, a connection
 * lost, a step Redis failed) by their pending records, and completes them. Over a cluster connection the SCAN visits
 * every master. Meant to run when a console starts, after it reconnects, and in {@code check --repair};
 * {@link #check()} is the read-only half for {@code check}.
 */
public final class TransitionRecovery {
    private static final int SCAN_COUNT = 1000;

    private final RedisClusterAsyncCommands<String, String> redis;
    private final SlotSafeTransitions transitions;

    public TransitionRecovery(RedisClusterAsyncCommands<String, String> redis, SlotSafeTransitions transitions) {
        this.redis = redis;
        this.transitions = transitions;
    }

    /** Every pending record, as found (read-only). */
    public CompletableFuture<List<PendingTransition.Read>> pending() {
        return keys().thenCompose(keys -> {
            List<CompletableFuture<PendingTransition.Read>> reads = new ArrayList<>();
            for (String key : keys) {
                TransitionKeys.idOfPending(key).ifPresent(id -> reads.add(read(id)));
            }
            return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(all -> reads.stream()
                    .map(CompletableFuture::join).filter(r -> r != null).toList());
        });
    }

    /** The read-only check: one TRANSITION_PENDING problem per pending record, saying what it is and what completes it. */
    public CompletableFuture<List<Problem>> check() {
        return pending().thenApply(found -> found.stream().map(TransitionRecovery::problem).toList());
    }

    /** Completes every interrupted transition found, one after another. */
    public CompletableFuture<RecoveryReport> recover() {
        return pending().thenCompose(found -> {
            CompletableFuture<List<TransitionResult>> chain = CompletableFuture.completedFuture(new ArrayList<>());
            for (PendingTransition.Read r : found) {
                chain = chain.thenCompose(results -> complete(r).thenApply(result -> {
                    results.add(result);
                    return results;
                }));
            }
            return chain.thenApply(results -> new RecoveryReport(
                    results.stream().filter(x -> x.outcome() == Outcome.DONE).toList(),
                    results.stream().filter(x -> x.outcome() != Outcome.DONE).toList()));
        });
    }

    /** Completes the interrupted transition of one instance, if there is one (DONE also when there is none). */
    public CompletableFuture<TransitionResult> recover(String id) {
        return read(id).thenCompose(r -> r == null
                ? redis.hget(KeySchema.instanceKey(id), "state").toCompletableFuture().handle((state, failure) ->
                        new TransitionResult(Outcome.DONE, id, failure == null ? state : null, "no transition of " + id + " is pending"))
                : complete(r));
    }

    private CompletableFuture<TransitionResult> complete(PendingTransition.Read r) {
        if (r instanceof PendingTransition.Readable readable) {
            return transitions.complete(readable.transition()).thenApply(res -> res.outcome() == Outcome.DONE && !readable.transition().aborted()
                    ? new TransitionResult(Outcome.DONE, res.instanceId(), res.stateNow(), "completed the interrupted transition of "
                    + res.instanceId() + ": " + readable.transition().describe()) : res);
        }
        if (r instanceof PendingTransition.Hidden h) {
            return CompletableFuture.completedFuture(new TransitionResult(Outcome.DENIED, h.instanceId(), null,
                    "permission denied: the Redis user may not read the pending transition of " + h.instanceId() + "; nothing was written"));
        }
        PendingTransition.Unreadable u = (PendingTransition.Unreadable) r;
        return CompletableFuture.completedFuture(new TransitionResult(Outcome.SERVER_ERROR, u.instanceId(), null,
                "cannot complete the pending transition of " + u.instanceId() + ": " + u.why()));
    }

    private static Problem problem(PendingTransition.Read r) {
        if (r instanceof PendingTransition.Readable readable) {
            PendingTransition p = readable.transition();
            String message = p.aborted()
                    ? "a transition that did not happen left its pending record (" + p.describe() + "); recovery deletes it"
                    : "transition not complete: " + p.describe() + ". The state has changed; its restart count, audit entry or index"
                    + " may not be written yet, and the instance takes no other transition until it is. A console completes it when it"
                    + " starts or reconnects, and check --repair does";
            return new Problem(ProblemCode.TRANSITION_PENDING, p.instanceId(), TransitionKeys.pending(p.instanceId()), null, message);
        }
        if (r instanceof PendingTransition.Hidden h) {
            return new Problem(ProblemCode.TRANSITION_PENDING, h.instanceId(), TransitionKeys.pending(h.instanceId()), null,
                    "a transition is not complete; the Redis user may not read its record, so not which. A console that may act"
                            + " completes it when it starts or reconnects, and check --repair does");
        }
        PendingTransition.Unreadable u = (PendingTransition.Unreadable) r;
        return new Problem(ProblemCode.TRANSITION_PENDING, u.instanceId(), TransitionKeys.pending(u.instanceId()), null,
                "unreadable pending transition record (" + u.why() + "): the instance takes no transition until it is looked at"
                        + " and deleted by hand");
    }

    /** The record of {@code id}; null when there is none (completed meanwhile). */
    private CompletableFuture<PendingTransition.Read> read(String id) {
        String key = TransitionKeys.pending(id);
        return redis.hgetall(key).toCompletableFuture().handle((Map<String, String> fields, Throwable failure) -> {
            if (failure == null) {
                return fields.isEmpty() ? null : PendingTransition.from(id, fields);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof RedisCommandExecutionException && String.valueOf(cause.getMessage()).startsWith("WRONGTYPE")) {
                return new PendingTransition.Unreadable(id, key + " is not a hash");
            }
            if (cause instanceof RedisCommandExecutionException && RedisAccessException.isDenial(cause.getMessage())) {
                return new PendingTransition.Hidden(id); // seen by SCAN, but this user's ACL does not cover the record keys
            }
            throw new CompletionException(cause);
        });
    }

    private CompletableFuture<Set<String>> keys() {
        ScanArgs args = ScanArgs.Builder.matches(TransitionKeys.PENDING_PATTERN).limit(SCAN_COUNT);
        try {
            return redis.scan(args).toCompletableFuture().thenCompose(first -> more(first, args, new LinkedHashSet<>()));
        } catch (RuntimeException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
    }

    private CompletableFuture<Set<String>> more(KeyScanCursor<String> cursor, ScanArgs args, Set<String> keys) {
        keys.addAll(cursor.getKeys());
        if (cursor.isFinished()) {
            return CompletableFuture.completedFuture(keys);
        }
        return redis.scan(cursor, args).toCompletableFuture().thenCompose(next -> more(next, args, keys));
    }
}
