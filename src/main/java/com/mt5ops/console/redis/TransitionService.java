package com.mt5ops.console.redis;

import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionTable;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Issues operator transitions through one atomic Lua script over the never-replaying writer connection: every
 * check first (CAS on the state, the table, restart_count, key types, the ACL where Redis can be asked), then the
 * audit entry, the state, the index and the count, stamped with the server's clock and the Redis user the
 * server authenticated. Failures come back as values.
 */
public final class TransitionService implements TransitionWriter {
    static final String AUDIT_MAXLEN = "10000";

    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;
    private final TransitionTable table;
    private final LuaScript script = new LuaScript("server-time.lua", "state-check.lua", "transition.lua");
    private final AuthenticatedUser user;
    private final String target;
    private final WriteGuard guard;

    public TransitionService(RedisConnector connector, TransitionTable table) {
        this(connector, table, true);
    }

    /** {@code mayAskRole}: the user may run ROLE (else the write is checked with WAIT 0 0 only, so nothing is denied). */
    public TransitionService(RedisConnector connector, TransitionTable table, boolean mayAskRole) {
        MasterRoute.Target to = connector.writerTarget();
        this.connection = connector.connectWriter(to);
        this.redis = connection.async();
        this.table = table;
        this.user = new AuthenticatedUser(redis);
        this.target = connector.endpoint().display();
        this.guard = new WriteGuard(redis, connector.route(), to == null ? null : to.master(), target, mayAskRole);
    }

    /** The master, the role and (after the script) replication are checked around the script: {@link WriteGuard}. */
    @Override
    public CompletableFuture<TransitionResult> apply(TransitionRequest request) {
        String id = request.instanceId();
        return guard.before(id).thenCompose(before -> before.refusal() != null ? CompletableFuture.completedFuture(before.refusal())
                : user.name()
                .thenCompose(redisUser -> run(request, redisUser))
                .handle((value, failure) -> failure == null
                        ? TransitionReplies.toResult(id, value) : TransitionReplies.toFailure(target, id, failure))
                .thenCompose(result -> guard.confirm(before, result)));
    }

    /** One script per transition leaves nothing half-done between steps: nothing to recover, nothing is sent. */
    @Override
    public CompletableFuture<RecoveryReport> recover() {
        return CompletableFuture.completedFuture(TransitionWriter.nothingPending());
    }

    /** True once Sentinel moved the master away from the server this service writes to: open a new one. */
    @Override
    public boolean stale() {
        return guard.stale();
    }

    private CompletableFuture<List<Object>> run(TransitionRequest request, String redisUser) {
        String id = request.instanceId();
        String to = request.to().wire();
        String[] keys = StateSets.keysAfter(KeySchema.instanceKey(id), KeySchema.healthKey(id), KeySchema.AUDIT_STREAM);
        try {
            return script.run(redis, ScriptOutputType.MULTI, keys,
                    id, request.expected().wire(), to, request.markRestart() ? "1" : "0", table.encoded(),
                    request.operator(), redisUser, request.host(), request.reason() == null ? "" : request.reason(),
                    AUDIT_MAXLEN, KeySchema.stateSetKey(to));
        } catch (RuntimeException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
