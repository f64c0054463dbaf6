package com.mt5ops.console.redis;

import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What makes a transition's "done" hold across a failover. Before the script: behind Sentinel the writer must still
 * reach the master the sentinels name, and the server must say it is a master (ROLE); otherwise a refusal with nothing
 * sent. After a done script: when the master has replicas, or behind Sentinel, a bounded {@code WAIT 1}; "done" only
 * when a replica has the change, else NOT_REPLICATED (it may be lost if the master fails over). Results, never
 * exceptions; nothing here ever re-sends a write.
 */
final class WriteGuard {
    static final long WAIT_MS = 1_000;

    /** What the check before the write found: a refusal (nothing was sent), or go on with {@code replicas} (-1: unknown). */
    record Before(TransitionResult refusal, int replicas) {
    }

    private final RedisAsyncCommands<String, String> redis;
    private final MasterRoute route;
    private final MasterRoute.Master pinned;
    private final String where;
    private final boolean mayAskRole;

    /**
     * {@code pinned}: the master this writer reaches behind Sentinel; null for a plain endpoint. {@code mayAskRole}: the
     * user may run ROLE; if not, {@code WAIT 0 0} (@connection) tells a replica from a master, the replicas unknown.
     */
    WriteGuard(RedisAsyncCommands<String, String> redis, MasterRoute route, MasterRoute.Master pinned, String display,
               boolean mayAskRole) {
        this.mayAskRole = mayAskRole;
        this.redis = redis;
        this.route = route;
        this.pinned = pinned;
        this.where = pinned == null ? display : pinned.toString();
    }

    /** True once the route knows the master moved away from the server this writer reaches (open a new one). */
    boolean stale() {
        MasterRoute.Master now = pinned == null ? null : route.current();
        return now != null && !now.equals(pinned);
    }

    CompletableFuture<Before> before(String id) {
        CompletableFuture<MasterRoute.Master> named = CompletableFuture.completedFuture(null);
        if (pinned != null) {
            try {
                // no sentinel answering: ROLE and WAIT still stand guard
                named = route.ask().exceptionally(noAnswer -> null);
            } catch (RuntimeException closed) {
                named = CompletableFuture.completedFuture(null);
            }
        }
        return named.thenCompose(m -> m != null && !m.equals(pinned)
                ? CompletableFuture.completedFuture(new Before(unavailable(id, "Sentinel names " + m + " as the master now, not "
                        + pinned + " where this connection goes; nothing was written, try again"), -1))
                : role(id));
    }

    private CompletableFuture<Before> role(String id) {
        if (!mayAskRole) {
            return masterByWait(id);
        }
        CompletableFuture<List<Object>> asked;
        try {
            asked = redis.role().toCompletableFuture();
        } catch (RuntimeException rejected) {
            asked = CompletableFuture.failedFuture(rejected);
        }
        return asked.handle((reply, failure) -> {
            if (failure == null) {
                String role = reply.isEmpty() ? "?" : String.valueOf(reply.get(0));
                if (!"master".equals(role)) {
                    return new Before(unavailable(id, where + " is not the master (ROLE says " + role
                            + "): a failover may be under way; nothing was written, try again"), -1);
                }
                return new Before(null, reply.size() > 2 && reply.get(2) instanceof List<?> replicas ? replicas.size() : -1);
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof RedisCommandExecutionException) {
                return new Before(null, -1); // the user may not run ROLE: the script and WAIT still decide
            }
            String why = cause instanceof RedisCommandTimeoutException ? "no answer from " + where + " in time"
                    : RedisAccessException.from(where, cause).getMessage();
            return new Before(unavailable(id, why + "; nothing was written"), -1);
        });
    }

    /** Without ROLE: a replica refuses WAIT; a master answers (its replica count stays unknown: acks lag behind). */
    private CompletableFuture<Before> masterByWait(String id) {
        CompletableFuture<Long> asked;
        try {
            asked = redis.waitForReplication(0, 0).toCompletableFuture();
        } catch (RuntimeException rejected) {
            asked = CompletableFuture.failedFuture(rejected);
        }
        return asked.handle((n, failure) -> {
            Throwable cause = failure == null ? null : unwrap(failure);
            if (cause instanceof RedisCommandExecutionException && String.valueOf(cause.getMessage()).contains("replica")) {
                return new Before(unavailable(id, where + " is not the master (it is a replica): a failover may be under way; "
                        + "nothing was written, try again"), -1);
            }
            return new Before(null, -1); // a master, or WAIT not allowed either: the script's first write still decides
        });
    }

    /** After the script: a DONE is confirmed by a replica where it must be; anything else passes unchanged. */
    CompletableFuture<TransitionResult> confirm(Before before, TransitionResult result) {
        if (result.outcome() != Outcome.DONE || (pinned == null && before.replicas() <= 0)) {
            return CompletableFuture.completedFuture(result);
        }
        if (before.replicas() == 0) {
            return CompletableFuture.completedFuture(notReplicated(result, "no replica is connected to it"));
        }
        CompletableFuture<Long> acks;
        try {
            acks = redis.waitForReplication(1, WAIT_MS).toCompletableFuture();
        } catch (RuntimeException rejected) {
            acks = CompletableFuture.failedFuture(rejected);
        }
        return acks.handle((n, failure) -> {
            if (failure == null && n != null && n >= 1) {
                return new TransitionResult(Outcome.DONE, result.instanceId(), result.stateNow(), result.message() + " (replicated)");
            }
            return notReplicated(result, failure == null ? "no replica confirmed it within " + WAIT_MS / 1000 + " s"
                    : "its replication could not be confirmed (" + firstLine(unwrap(failure)) + ")");
        });
    }

    private TransitionResult notReplicated(TransitionResult done, String why) {
        return new TransitionResult(Outcome.NOT_REPLICATED, done.instanceId(), done.stateNow(), "written on the master " + where
                + " (" + done.instanceId() + " is now " + done.stateNow() + ", with its audit entry), but " + why
                + ": the change may be lost if the master fails over; look before retrying");
    }

    private static TransitionResult unavailable(String id, String message) {
        return new TransitionResult(Outcome.UNAVAILABLE, id, null, message);
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse("");
    }
}
