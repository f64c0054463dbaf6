package com.mt5ops.console.app;

import com.mt5ops.console.model.AuditEntry;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.BrokerRename;
import com.mt5ops.console.model.BrokerRenameResult;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.redis.AuditLog;
import com.mt5ops.console.redis.BrokerNameService;
import com.mt5ops.console.redis.Capabilities;
import com.mt5ops.console.redis.KeyConnection;
import com.mt5ops.console.redis.RecoveryReport;
import com.mt5ops.console.redis.RedisAccessException;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.TransitionWriter;
import com.mt5ops.console.sync.FleetFeed;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The GUI's way to Redis for actions and the audit trail. Connections open on first use on the I/O pool, so a
 * Redis that is down at start never blocks the window; failures come back as results, not exceptions. Nothing is sent
 * that the Redis user's {@link Capabilities} say it may not do: a viewer's click is refused here, never denied by Redis.
 * On a Redis Cluster the transitions are the slot-safe steps ({@link TransitionWriter}), and a console that may write
 * completes the transitions cut short between them ({@link #recoverNowAndAfterReconnects}).
 */
public final class WriteGateway implements AutoCloseable {
    private final RedisConnector connector;
    private final TransitionTable table;
    private final Executor io;
    private final CompletableFuture<Capabilities> rights;
    private TransitionWriter transitions;
    private BrokerNameService names;
    private KeyConnection reader;
    private AuditLog auditLog;
    private RecoveryPasses recoveries;
    private boolean closed;
    private volatile String auditRefused;

    /** Without knowing the user's rights: every action is tried. */
    public WriteGateway(RedisConnector connector, TransitionTable table, Executor io) {
        this(connector, table, io, CompletableFuture.completedFuture(Capabilities.unverified("", "not asked")));
    }

    /** Sends only what {@code rights} (once known) allow. */
    public WriteGateway(RedisConnector connector, TransitionTable table, Executor io, CompletionStage<Capabilities> rights) {
        this.connector = connector;
        this.table = table;
        this.io = io;
        this.rights = rights.toCompletableFuture();
    }

    public CompletableFuture<TransitionResult> apply(TransitionRequest request) {
        return rights.thenComposeAsync(caps -> caps.mayTransition() ? service(caps.may(Capabilities.Right.ROLE)).apply(request)
                        : CompletableFuture.completedFuture(new TransitionResult(TransitionResult.Outcome.DENIED, request.instanceId(), null,
                                "read-only: " + caps.transitionRefusal() + "; nothing was sent")), io)
                .exceptionally(e -> {
                    // Only opening the writer connection can fail here: apply() itself answers with a value.
                    RedisAccessException a = RedisAccessException.from(connector.endpoint().display(), e);
                    return new TransitionResult(a.reason() == RedisAccessException.Reason.DENIED
                            ? TransitionResult.Outcome.DENIED : TransitionResult.Outcome.UNAVAILABLE, request.instanceId(), null, a.getMessage());
                });
    }

    /**
     * The recovery pass: completes every transition cut short between its steps (a cluster's pending records), once
     * the rights are known and only if the user may transition. A single server has none: nothing is sent there.
     */
    public CompletableFuture<RecoveryReport> recover() {
        return rights.thenComposeAsync(caps -> caps.mayTransition() && connector.cluster()
                ? service(caps.may(Capabilities.Right.ROLE)).recover()
                : CompletableFuture.completedFuture(TransitionWriter.nothingPending()), io);
    }

    /**
     * For a console that may write: runs {@link #recover()} now and again after each reconnection of {@code mirror}
     * (a read-only console never calls this). Stops when the gateway closes.
     */
    public synchronized void recoverNowAndAfterReconnects(FleetFeed mirror) {
        if (recoveries == null && !closed) {
            recoveries = new RecoveryPasses(mirror, this::recover);
            recoveries.start();
        }
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
        return rights.thenApplyAsync(caps -> {
            String refused = caps.may(Capabilities.Right.READ_AUDIT) ? auditRefused : caps.whyNot(Capabilities.Right.READ_AUDIT);
            if (refused != null) {
                throw new IllegalStateException("the Redis user may not read " + KeySchema.AUDIT_STREAM + " (" + refused + ")");
            }
            try {
                return auditLog().forInstance(instanceId);
            } catch (RuntimeException e) {
                if (RedisAccessException.isDenial(String.valueOf(e.getMessage()))) {
                    auditRefused = e.getMessage(); // where the server could not be asked: not tried again
                }
                throw e;
            }
        }, io);
    }

    private synchronized TransitionWriter service(boolean mayAskRole) {
        if (closed) {
            throw new RedisAccessException(RedisAccessException.Reason.UNREACHABLE, "the console is closing", null);
        }
        if (transitions != null && transitions.stale()) { // Sentinel moved the master: write to the new one
            transitions.close();
            transitions = null;
        }
        if (transitions == null) {
            transitions = TransitionWriter.open(connector, table, mayAskRole);
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
            reader = connector.open(); // on a cluster, the stream is on one master: routed there
            auditLog = new AuditLog(reader.sync());
        }
        return auditLog;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (recoveries != null) {
            recoveries.stop();
        }
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
