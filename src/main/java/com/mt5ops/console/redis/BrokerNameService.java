package com.mt5ops.console.redis;

import com.mt5ops.console.model.BrokerNameRules;
import com.mt5ops.console.model.BrokerRename;
import com.mt5ops.console.model.BrokerRenameResult;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.TransitionResult.Outcome;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Renames a broker in the shared `console:broker_names` hash over the never-replaying writer connection: every check
 * first (the name's bounds, key types, compare-and-set on the name the operator saw, the ACL where Redis can be asked),
 * then the audit entry (action {@code broker-name}), then HSET or HDEL. On a single server that is one atomic script;
 * on a Redis Cluster, where the hash and the stream live in different slots, {@link ClusterBrokerRename}'s steps in the
 * same order. Failures come back as values.
 */
public final class BrokerNameService implements AutoCloseable {
    private final KeyConnection connection;
    private final RedisClusterAsyncCommands<String, String> redis;
    private final LuaScript script = new LuaScript("server-time.lua", "broker-name-checks.lua", "broker-name.lua");
    private final AuthenticatedUser user;
    private final String target;
    private final ClusterBrokerRename cluster;

    public BrokerNameService(RedisConnector connector) {
        this.connection = connector.openWriter();
        this.redis = connection.async();
        this.user = new AuthenticatedUser(redis);
        this.target = connector.endpoint().display();
        this.cluster = connection.cluster() ? new ClusterBrokerRename(redis) : null;
    }

    public CompletableFuture<BrokerRenameResult> apply(BrokerRename request) {
        var bad = BrokerNameRules.problem(request.name()).or(() -> BrokerNameRules.idProblem(request.brokerId()));
        if (bad.isPresent()) {
            return CompletableFuture.completedFuture(new BrokerRenameResult(Outcome.NOT_ALLOWED, request.brokerId(), null,
                    "not allowed: " + bad.get()));
        }
        if (cluster != null) {
            return user.name().thenCompose(redisUser -> cluster.apply(request, redisUser, failure -> toFailure(request.brokerId(), failure)));
        }
        return user.name()
                .thenCompose(redisUser -> run(request, redisUser))
                .handle((reply, failure) -> failure == null ? toResult(request, reply) : toFailure(request.brokerId(), failure));
    }

    private CompletableFuture<List<Object>> run(BrokerRename request, String redisUser) {
        try {
            return script.run(redis, connection::flush, ScriptOutputType.MULTI, new String[] {KeySchema.BROKER_NAMES, KeySchema.AUDIT_STREAM},
                    request.brokerId(), request.expected().wire(), request.name(), request.operator(), redisUser, request.host(),
                    request.reason() == null ? "" : request.reason(), TransitionService.AUDIT_MAXLEN,
                    Integer.toString(BrokerNameRules.MAX_BYTES), Integer.toString(BrokerNameRules.MAX_ID_LENGTH));
        } catch (RuntimeException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
    }

    static BrokerRenameResult toResult(BrokerRename request, List<Object> reply) {
        Outcome outcome = Outcome.valueOf(String.valueOf(reply.get(0)));
        String now = String.valueOf(reply.get(1));
        String detail = reply.size() > 2 ? String.valueOf(reply.get(2)) : "";
        String id = request.brokerId();
        String message = switch (outcome) {
            case DONE -> now.isEmpty() ? "done: broker " + id + " has no name now" : "done: broker " + id + " is now named '" + now + "'";
            case CONFLICT -> "conflict: someone else changed the name of broker " + id + "; "
                    + (now.isEmpty() ? "it has no name now" : "it is now '" + now + "'");
            case NOT_ALLOWED -> "not allowed: " + detail;
            case DENIED -> "permission denied: the Redis user may not rename brokers (" + detail + ")";
            case REFUSED -> "refused before any write: " + detail;
            case SERVER_ERROR -> "Redis failed the rename of broker " + id + ": " + detail;
            case NOT_FOUND, UNAVAILABLE, NOT_REPLICATED -> detail;
        };
        return new BrokerRenameResult(outcome, id, now.isEmpty() ? null : now, message);
    }

    /** The rename failed before its first write answered (the audit entry's): nothing was written, or it is unknown. */
    private BrokerRenameResult toFailure(String id, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RedisCommandTimeoutException) {
            return new BrokerRenameResult(Outcome.UNAVAILABLE, id, null,
                    "no answer from " + target + " in time; the name may or may not have changed, look before retrying");
        }
        if (cause instanceof RedisCommandExecutionException error) {
            String text = String.valueOf(error.getMessage()).lines().findFirst().orElse("");
            return RedisAccessException.isDenial(text)
                    ? new BrokerRenameResult(Outcome.DENIED, id, null, "permission denied: the Redis user may not rename brokers ("
                            + text + "); nothing was written")
                    : new BrokerRenameResult(Outcome.SERVER_ERROR, id, null, "Redis failed the rename of broker " + id
                            + " before its first write, nothing was written: " + text);
        }
        RedisAccessException access = RedisAccessException.from(target, cause);
        return new BrokerRenameResult(access.reason() == RedisAccessException.Reason.DENIED ? Outcome.DENIED : Outcome.UNAVAILABLE,
                id, null, access.getMessage());
    }

    @Override
    public void close() {
        connection.close();
    }
}
