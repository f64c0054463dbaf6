package com.mt5ops.console.app;

import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.redis.RecoveryReport;
import com.mt5ops.console.sync.FleetFeed;
import com.mt5ops.console.sync.MirrorBatch;
import com.mt5ops.console.sync.MirrorListener;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the recovery pass that completes transitions cut short between their steps (a Redis Cluster's pending records)
 * in a console that may write: once at start (the pass itself waits for the user's rights), and again after each
 * reconnection of the mirror, seen as its reconnect count grown by the next full sync (while it was away, another
 * console may have died mid-transition, or this one did). A pass that failed is owed, and runs at the next full
 * sync. At most one pass at a time; a request during one runs one more after it.
 */
final class RecoveryPasses implements MirrorListener {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryPasses.class);

    private final FleetFeed mirror;
    private final Supplier<CompletableFuture<RecoveryReport>> pass;
    private long reconnectsSeen = -1; // on the mirror's worker thread
    private boolean running; // guarded by this
    private boolean again; // guarded by this
    private volatile boolean owed;
    private volatile boolean stopped;

    /** {@code pass} completes every pending transition it may (nothing, where there are none or the user may not). */
    RecoveryPasses(FleetFeed mirror, Supplier<CompletableFuture<RecoveryReport>> pass) {
        this.mirror = mirror;
        this.pass = pass;
    }

    void start() {
        request();
        mirror.addListener(this);
    }

    /** No pass starts after this. */
    void stop() {
        stopped = true;
    }

    @Override
    public void onBatch(MirrorBatch batch) {
        // on the mirror's worker: compare and hand over, never wait
        long reconnects = batch.stats() == null ? 0 : batch.stats().reconnects();
        boolean reconnected = reconnectsSeen >= 0 && reconnects > reconnectsSeen;
        reconnectsSeen = Math.max(reconnectsSeen, reconnects);
        if (batch.fullSync() && (reconnected || owed)) {
            request();
        } else if (reconnected) {
            owed = true; // the resync after it is the moment: the connection is back then
        }
    }

    private void request() {
        synchronized (this) {
            if (running) {
                again = true;
                return;
            }
            running = true;
        }
        run();
    }

    private void run() {
        if (stopped) {
            done();
            return;
        }
        owed = false;
        CompletableFuture<RecoveryReport> started;
        try {
            started = pass.get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        started.whenComplete((report, failure) -> {
            if (failure != null) {
                owed = true;
                LOG.warn("the recovery pass for interrupted transitions failed ({}); it runs again at the next full sync",
                        String.valueOf(failure.getMessage()).lines().findFirst().orElse(""));
            } else {
                report(report);
            }
            done();
        });
    }

    private void done() {
        synchronized (this) {
            if (!again || stopped) {
                running = false;
                again = false;
                return;
            }
            again = false;
        }
        run();
    }

    private static void report(RecoveryReport report) {
        for (TransitionResult r : report.completed()) {
            LOG.warn("recovery: {}", r.message());
        }
        for (TransitionResult r : report.incomplete()) {
            LOG.warn("recovery could not complete a transition: {}", r.message());
        }
    }
}
