package com.mt5ops.console.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the mirror publishes: versioned batches with its stats, to listeners that each join with the whole current
 * fleet as their first batch and then get every batch in order. Batches are built and sent on the worker only.
 */
final class MirrorPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(MirrorPublisher.class);

    private final List<MirrorListener> listening = new CopyOnWriteArrayList<>();
    private final Queue<MirrorListener> joining = new ConcurrentLinkedQueue<>();
    private final Supplier<MachineStatus> machine;
    private final Supplier<MirrorLink> link;
    private final MirrorContent content;
    private final Clock clock;
    private long version;
    private volatile MirrorStats stats;

    /** {@code link}: the connections now (null between them; asked on the worker only): behind Sentinel the master, on a cluster each master. */
    MirrorPublisher(Supplier<MachineStatus> machine, Supplier<MirrorLink> link, MirrorContent content, Clock clock) {
        this.machine = machine;
        this.link = link;
        this.content = content;
        this.clock = clock;
        this.stats = currentStats();
    }

    /** Any thread; the worker greets it at its next step. */
    void join(MirrorListener listener) {
        joining.add(listener);
    }

    /** Worker: sends each listener that joined its first batch: the whole fleet as it is now. */
    void greet() {
        MirrorListener l;
        Throwable failed = null;
        List<MirrorListener> retry = new java.util.ArrayList<>();
        while ((l = joining.poll()) != null) {
            MirrorBatch whole = batch(content.all().stream().map(Change::upsert).toList(), stats.lastFullSync() != null, true);
            try {
                l.onBatch(whole);
                listening.add(l);
            } catch (Throwable t) { // NOPMD: whatever a listener throws, the mirror shows it and goes on
                failed = failed(l, t, failed, retry);
            }
        }
        joining.addAll(retry);
        rethrow(failed);
    }

    /**
     * Worker: one batch to every listener; one failing does not stop the others. A listener that failed gets the whole
     * fleet again as its next batch, and the failure is thrown on, so the mirror shows FAILED and restarts.
     */
    void send(List<Change> changes, boolean fullSync) {
        MirrorBatch batch = batch(changes, fullSync, false);
        Throwable failed = null;
        List<MirrorListener> retry = new java.util.ArrayList<>();
        for (MirrorListener l : listening) {
            try {
                l.onBatch(batch);
            } catch (Throwable t) { // NOPMD: whatever a listener throws, the mirror shows it and goes on
                listening.remove(l);
                failed = failed(l, t, failed, retry);
            }
        }
        joining.addAll(retry);
        rethrow(failed);
    }

    private static Throwable failed(MirrorListener l, Throwable t, Throwable first, List<MirrorListener> retry) {
        LOG.error("a mirror listener failed; it gets the whole fleet again as its next batch", t);
        retry.add(l);
        return first == null ? t : first;
    }

    private static void rethrow(Throwable failed) {
        if (failed != null) {
            throw new IllegalStateException("a listener failed: " + (failed.getMessage() == null
                    ? failed.getClass().getSimpleName() : failed.getClass().getSimpleName() + ": " + failed.getMessage()), failed);
        }
    }

    /** The stats of the latest batch; any thread. */
    MirrorStats stats() {
        return stats;
    }

    private MirrorBatch batch(List<Change> changes, boolean fullSync, boolean whole) {
        version++;
        MirrorStats before = stats;
        stats = currentStats();
        if (before.state() != stats.state() || before.cluster().live() != stats.cluster().live()) {
            // the log file's account of the connection: what an operator reads after an incident
            LOG.info("mirror {}{}{}", stats.state(), stats.cluster().isCluster() ? " " + stats.cluster().ratio() : "",
                    stats.state() == ConnectionState.LIVE ? " (" + stats.basis() + ")" + (stats.cluster().detail().isEmpty() ? ""
                    : "; not LIVE: " + stats.cluster().detail()) : stats.reason().isEmpty() ? "" : ": " + stats.reason());
        }
        return new MirrorBatch(version, changes, stats, fullSync, clock.millis(), whole);
    }

    private MirrorStats currentStats() {
        MachineStatus m = machine.get();
        MirrorLink now = link.get();
        return new MirrorStats(m.state(), instant(m.lastFullSync()), m.eventsPerSecond(), m.events(), m.resyncs(),
                m.reconnects(), version, content.size(), m.reason(), m.basis(), instant(m.disconnectedSince()),
                now == null ? "" : now.master(), now == null ? ClusterView.NONE : now.cluster());
    }

    private static Instant instant(Long epochMs) {
        return epochMs == null ? null : Instant.ofEpochMilli(epochMs);
    }
}
