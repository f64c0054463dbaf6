package com.mt5ops.console.redis;

import com.mt5ops.console.model.BrokerNameRules;
import com.mt5ops.console.model.BrokerRename;
import com.mt5ops.console.model.BrokerRenameResult;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.TransitionResult.Outcome;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A broker rename on a Redis Cluster, where {@code console:broker_names} and {@code console:audit} live in different
 * slots and one script cannot write both. The audit entry still comes first: (1) every check on the names hash and
 * the ACL, nothing written (the stream's type read before it); (2) XADD the entry, stamped with the stream master's
 * clock; (3) HSET or HDEL the name, only if it is still the one step 1 saw. A name never changes without its entry;
 * an entry can be left for a rename that did not happen (step 3 losing a race, or failing), which the result says,
 * naming the entry.
 */
final class ClusterBrokerRename {
    private final RedisClusterAsyncCommands<String, String> redis;
    private final SlotScript check = new SlotScript("broker-name-checks.lua", "broker-name-check.lua");
    private final SlotScript append = new SlotScript("server-time.lua", "audit-append.lua");
    private final SlotScript set = new SlotScript("broker-name-set.lua");

    ClusterBrokerRename(RedisClusterAsyncCommands<String, String> redis) {
        this.redis = redis;
    }

    /** {@code failed} words a failure before the entry was written (nothing was written, or it is unknown). */
    CompletableFuture<BrokerRenameResult> apply(BrokerRename r, String redisUser, Function<Throwable, BrokerRenameResult> failed) {
        String id = r.brokerId();
        return streamRefusal()
                .thenCompose(refusal -> check.<List<Object>>run(redis, ScriptOutputType.MULTI, new String[] {KeySchema.BROKER_NAMES},
                        id, r.expected().wire(), r.name(), Integer.toString(BrokerNameRules.MAX_BYTES),
                        Integer.toString(BrokerNameRules.MAX_ID_LENGTH), refusal, KeySchema.AUDIT_STREAM, TransitionService.AUDIT_MAXLEN))
                .thenCompose(checked -> {
                    if (!"OK".equals(String.valueOf(checked.get(0)))) {
                        return CompletableFuture.completedFuture(BrokerNameService.toResult(r, checked));
                    }
                    String shown = String.valueOf(checked.get(1));
                    return append.<List<Object>>run(redis, ScriptOutputType.MULTI, new String[] {KeySchema.AUDIT_STREAM},
                                    TransitionService.AUDIT_MAXLEN, "action", "broker-name", "instance_id", "", "broker_id", id,
                                    "from", shown, "to", r.name(), "reason", r.reason() == null ? "" : r.reason(), "restart_count", "",
                                    "operator", r.operator(), "redis_user", redisUser, "host", r.host())
                            .thenCompose(entry -> name(r, shown, String.valueOf(entry.get(0))));
                })
                .exceptionally(failed);
    }

    /** Step 3; the entry is written, so whatever happens here is said with it. */
    private CompletableFuture<BrokerRenameResult> name(BrokerRename r, String shown, String entry) {
        String id = r.brokerId();
        return set.<List<Object>>run(redis, ScriptOutputType.MULTI, new String[] {KeySchema.BROKER_NAMES},
                id, shown.isEmpty() ? "missing" : "is:" + shown, r.name()).handle((reply, failure) -> {
            if (failure != null) {
                return new BrokerRenameResult(Outcome.UNAVAILABLE, id, null, "the audit entry " + entry + " is written, but the name of broker "
                        + id + " may or may not have changed (" + FollowUpSteps.reason(failure) + "); look before retrying");
            }
            String outcome = String.valueOf(reply.get(0));
            String now = String.valueOf(reply.get(1));
            return switch (outcome) {
                case "DONE" -> BrokerNameService.toResult(r, List.of("DONE", now, ""));
                case "CONFLICT" -> new BrokerRenameResult(Outcome.CONFLICT, id, now.isEmpty() ? null : now, "conflict: someone else changed"
                        + " the name of broker " + id + " meanwhile; " + (now.isEmpty() ? "it has no name now" : "it is now '" + now + "'")
                        + "; the audit entry " + entry + " written just before records a rename that did not happen");
                default -> new BrokerRenameResult(Outcome.SERVER_ERROR, id, now.isEmpty() ? null : now, "Redis failed the rename of broker "
                        + id + ": " + reply.get(2) + "; written: audit entry " + entry + "; the name is unchanged");
            };
        });
    }

    /** Why the stream cannot take the entry ('' when it can): read before step 1, which refuses with it in order. */
    private CompletableFuture<String> streamRefusal() {
        try {
            return redis.type(KeySchema.AUDIT_STREAM).toCompletableFuture()
                    .thenApply(t -> t.equals("none") || t.equals("stream") ? "" : KeySchema.AUDIT_STREAM + " is a " + t + ", not a stream");
        } catch (RuntimeException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
    }
}
