package com.mt5ops.console.app;

import com.mt5ops.console.model.AuditEntry;
import com.mt5ops.console.model.BrokerRename;
import com.mt5ops.console.model.BrokerRenameResult;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.redis.AuditLog;
import com.mt5ops.console.redis.BrokerNameService;
import com.mt5ops.console.redis.RedisAccessException;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.TransitionService;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The GUI's way to Redis for actions and the audit trail. Connections open on first use on the I/O pool, so a
 * Redis that is down at start never blocks the window; failures come back as results, not exceptions.
 */
public final class WriteGateway implements AutoCloseable {
    private final RedisConnector connector;
    private final TransitionTable table;
    private final Executor io;
    private TransitionService transitions;
    private BrokerNameService names;
    private StatefulRedisConnection<String, String> reader;
    private AuditLog auditLog;

    public WriteGateway(RedisConnector connector, TransitionTable table, Executor io) {
        this.connector = connector;
        this.table = table;
        this.io = io;
    }

    public CompletableFuture<TransitionResult> apply(TransitionRequest request) {
        return CompletableFuture.supplyAsync(this::service, io)
                .thenCompose(s -> s.apply(request))
                .exceptionally(e -> {
                    // Only opening the writer connection can fail here: apply() itself answers with a value.
                    RedisAccessException a = RedisAccessException.from(connector.endpoint().display(), e);
                    return new TransitionResult(a.reason() == RedisAccessException.Reason.DENIED
                            ? TransitionResult.Outcome.DENIED : TransitionResult.Outcome.UNAVAILABLE, request.instanceId(), null, a.getMessage());
                });
    }

    /** The write path of a read-only console: refuses every transition without touching Redis. */
    public static CompletableFuture<TransitionResult> refuseReadOnly(TransitionRequest request) {
        return CompletableFuture.completedFuture(new TransitionResult(TransitionResult.Outcome.DENIED, request.instanceId(), null,
                "this console is read-only (--read-only): it sends no write to Redis"));
    }

    /** Renames a broker in the shared names, audited (its own script and writer connection, opened on first use). */
    public CompletableFuture<BrokerRenameResult> renameBroker(BrokerRename request) {
        return CompletableFuture.supplyAsync(this::names, io)
                .thenCompose(s -> s.apply(request))
                .exceptionally(e -> {
                    RedisAccessException a = RedisAccessException.from(connector.endpoint().display(), e);
                    return new BrokerRenameResult(a.reason() == RedisAccessException.Reason.DENIED
                            ? TransitionResult.Outcome.DENIED : TransitionResult.Outcome.UNAVAILABLE, request.brokerId(), null, a.getMessage());
                });
    }

    /** The rename path of a read-only console: refuses without touching Redis. */
    public static CompletableFuture<BrokerRenameResult> refuseReadOnlyRename(BrokerRename request) {
        return CompletableFuture.completedFuture(new BrokerRenameResult(TransitionResult.Outcome.DENIED, request.brokerId(), null,
                "this console is read-only (--read-only): it sends no write to Redis"));
    }

    /** Every audit entry for the instance still in the stream, newest first (an index kept up to date per call). */
    public CompletableFuture<List<AuditEntry>> audit(String instanceId) {
        return CompletableFuture.supplyAsync(() -> auditLog().forInstance(instanceId), io);
    }

    private synchronized TransitionService service() {
        if (transitions == null) {
            transitions = new TransitionService(connector, table);
        }
        return transitions;
    }

    private synchronized BrokerNameService names() {
        if (names == null) {
            names = new BrokerNameService(connector);
        }
        return names;
    }

    private synchronized AuditLog auditLog() {
        if (reader == null) {
            reader = connector.connect();
            auditLog = new AuditLog(reader.sync());
        }
        return auditLog;
    }

    @Override
    public synchronized void close() {
        if (transitions != null) {
            transitions.close();
        }
        if (names != null) {
            names.close();
        }
        if (reader != null) {
            reader.close();
        }
    }
}
