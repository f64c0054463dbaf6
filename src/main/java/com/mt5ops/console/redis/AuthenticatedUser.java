package com.mt5ops.console.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The Redis user the server authenticated on one connection, for the audit trail: the {@code user=} field of CLIENT
 * INFO, else ACL WHOAMI, else {@code unknown}. Asked once per connection; asked again only when the connection failed
 * before the server answered.
 */
final class AuthenticatedUser {
    static final String UNKNOWN = "unknown";

    private final RedisClusterAsyncCommands<String, String> redis;
    private volatile String known;

    AuthenticatedUser(RedisClusterAsyncCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Never fails: whatever goes wrong (a denied command, an old server, a lost connection) is {@code unknown}. */
    CompletableFuture<String> name() {
        String k = known;
        if (k != null) {
            return CompletableFuture.completedFuture(k);
        }
        CompletableFuture<String> asked;
        try {
            // CLIENT INFO first: it is a @connection command every console user has, ACL WHOAMI is not (a denial is logged)
            asked = redis.clientInfo().toCompletableFuture().thenApply(AuthenticatedUser::userField)
                    .exceptionallyCompose(denied -> redis.aclWhoami().toCompletableFuture());
        } catch (RuntimeException rejected) {
            asked = CompletableFuture.failedFuture(rejected);
        }
        return asked.handle((name, failure) -> {
            if (failure == null) {
                // A server without ACL names no user; it will not name one later on this connection either.
                known = name == null || name.isBlank() ? UNKNOWN : name;
                return known;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof RedisCommandExecutionException) {
                known = UNKNOWN; // the server answered: both commands are denied or unknown to it
            }
            return UNKNOWN;
        });
    }

    /** The {@code user=} field of a CLIENT INFO line, or null. */
    static String userField(String clientInfo) {
        for (String field : clientInfo.trim().split(" ")) {
            if (field.startsWith("user=")) {
                return field.substring("user=".length());
            }
        }
        return null;
    }
}
