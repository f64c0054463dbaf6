package com.mt5ops.console.redis;

import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.model.TransitionTable;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Issues operator transitions through one atomic Lua script (CAS on the state, table check, hash and index
 * update, restart count, audit entry) over the never-replaying writer connection. Failures come back as values.
 */
public final class TransitionService implements AutoCloseable {
    static final String AUDIT_MAXLEN = "10000";

    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;
    private final TransitionTable table;
    private final LuaScript script = new LuaScript("transition.lua");
    private final String target;

    public TransitionService(RedisConnector connector, TransitionTable table) {
        this.connection = connector.connectWriter();
        this.redis = connection.async();
        this.table = table;
        this.target = connector.endpoint().display();
    }

    public CompletableFuture<TransitionResult> apply(TransitionRequest request) {
        String id = request.instanceId();
        String to = request.to().wire();
        String[] keys = StateSets.keysAfter(KeySchema.instanceKey(id), KeySchema.healthKey(id), KeySchema.AUDIT_STREAM);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        CompletableFuture<List<Object>> reply;
        try {
            reply = script.run(redis, ScriptOutputType.MULTI, keys,
                    id, request.expectedFrom() == null ? "" : request.expectedFrom(), to,
                    request.markRestart() ? "1" : "0", table.encoded(), now,
                    request.operator(), request.host(), request.reason() == null ? "" : request.reason(),
                    AUDIT_MAXLEN, KeySchema.stateSetKey(to));
        } catch (RuntimeException rejected) {
            reply = CompletableFuture.failedFuture(rejected);
        }
        return reply.handle((value, failure) -> failure == null ? toResult(id, value) : toFailure(id, failure));
    }

    private static TransitionResult toResult(String id, List<Object> reply) {
        Outcome outcome = Outcome.valueOf(String.valueOf(reply.get(0)));
        String stateNow = String.valueOf(reply.get(1));
        String detail = reply.size() > 2 ? String.valueOf(reply.get(2)) : "";
        String message = switch (outcome) {
            case DONE -> "done: " + id + " is now " + stateNow + (detail.isEmpty() ? "" : " (" + detail + ")");
            case CONFLICT -> "conflict: someone else changed " + id + "; its state is now '" + stateNow + "'";
            case NOT_ALLOWED -> "not allowed: " + detail;
            case NOT_FOUND -> "no such instance: " + id + (detail.isEmpty() ? "" : " (" + detail + ")");
            case DENIED -> "permission denied: the Redis user may not change " + id;
            case UNAVAILABLE -> detail;
        };
        return new TransitionResult(outcome, id, stateNow, message);
    }

    private TransitionResult toFailure(String id, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RedisCommandTimeoutException) {
            return new TransitionResult(Outcome.UNAVAILABLE, id, null,
                    "no answer from " + target + " in time; the change may or may not have happened, look before retrying");
        }
        RedisAccessException access = RedisAccessException.from(target, cause);
        Outcome outcome = access.reason() == RedisAccessException.Reason.DENIED ? Outcome.DENIED : Outcome.UNAVAILABLE;
        return new TransitionResult(outcome, id, null, access.getMessage());
    }

    @Override
    public void close() {
        connection.close();
    }
}
