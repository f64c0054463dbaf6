package com.mt5ops.console.redis;

import com.mt5ops.console.model.KeySchema;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The read-only checks a transition across slots makes before its compare-and-set: on the keys the follow-up steps
 * will write, which one script on the instance's slot cannot read. What they find is handed to the compare-and-set,
 * which refuses with it after its own checks (so NOT_FOUND, CONFLICT and NOT_ALLOWED come first, as on one server).
 */
final class TransitionPrechecks {
    /** What HINCRBY accepts: an optional '-', digits without a leading zero (0 itself, never -0). */
    private static final Pattern INTEGER = Pattern.compile("-?[1-9][0-9]*|0");

    private final RedisClusterAsyncCommands<String, String> redis;

    TransitionPrechecks(RedisClusterAsyncCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Why the data refuses the transition, or "" when nothing does; fails only when Redis does. */
    CompletableFuture<String> refusal(String id, boolean markRestart) {
        List<CompletableFuture<String>> checks = new ArrayList<>();
        if (markRestart) {
            String health = KeySchema.healthKey(id);
            checks.add(type(health).thenCompose(t -> switch (t) {
                case "none" -> CompletableFuture.completedFuture("");
                case "hash" -> redis.hget(health, "restart_count").toCompletableFuture()
                        .thenApply(rc -> rc == null ? "" : countRule(rc));
                default -> CompletableFuture.completedFuture(health + " is a " + t + ", not a hash");
            }));
            checks.add(expect(TransitionKeys.counted(id), "hash"));
        }
        checks.add(expect(KeySchema.AUDIT_STREAM, "stream"));
        for (String set : StateSets.keysAfter()) {
            checks.add(expect(set, "set"));
        }
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).thenApply(all -> {
            for (CompletableFuture<String> c : checks) {
                String why = c.join();
                if (!why.isEmpty()) {
                    return why;
                }
            }
            return "";
        });
    }

    /** Why HINCRBY restart_count 1 would fail on {@code raw}, or "". */
    static String countRule(String raw) {
        String why;
        if (!INTEGER.matcher(raw).matches()) {
            why = raw.matches("-0[0-9]*|0[0-9]+") ? "not an integer (leading zero)" : "not an integer";
        } else {
            try {
                why = Long.parseLong(raw) == Long.MAX_VALUE ? "too large to add 1 (64-bit overflow)" : "";
            } catch (NumberFormatException e) {
                why = "outside 64-bit integers";
            }
        }
        return why.isEmpty() ? "" : "restart_count is " + why + ": '" + raw + "'";
    }

    private CompletableFuture<String> expect(String key, String wanted) {
        return type(key).thenApply(t -> t.equals("none") || t.equals(wanted) ? "" : key + " is a " + t + ", not a " + wanted);
    }

    private CompletableFuture<String> type(String key) {
        try {
            return redis.type(key).toCompletableFuture();
        } catch (RuntimeException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
    }
}
