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
    private final MirrorContent content;
    private final Clock clock;
    private long version;
    private volatile MirrorStats stats;

    MirrorPublisher(Supplier<MachineStatus> machine, MirrorContent content, Clock clock) {
        this.machine = machine;
        this.content = content;
        this.clock = clock;
        this.stats = currentStats();
    }

    /** Any thread; the worker greets it at its next step. */
    void join(MirrorListener listener) {
        joining.add(listener);
    }

    /** Worker: sends each listener that joined its first batch, the fleet as it is now. */
    void greet() {
        MirrorListener l;
        while ((l = joining.poll()) != null) {
            l.onBatch(batch(content.all().stream().map(Change::upsert).toList(), stats.lastFullSync() != null));
            listening.add(l);
        }
    }

    /** Worker: one batch to every listener; one failing does not stop the others. */
    void send(List<Change> changes, boolean fullSync) {
        MirrorBatch batch = batch(changes, fullSync);
        for (MirrorListener l : listening) {
            try {
                l.onBatch(batch);
            } catch (RuntimeException e) {
                LOG.warn("mirror listener failed", e);
            }
        }
    }

    /** The stats of the latest batch; any thread. */
    MirrorStats stats() {
        return stats;
    }

    private MirrorBatch batch(List<Change> changes, boolean fullSync) {
        version++;
        stats = currentStats();
        return new MirrorBatch(version, changes, stats, fullSync, clock.millis());
    }

    private MirrorStats currentStats() {
        MachineStatus m = machine.get();
        return new MirrorStats(m.state(), instant(m.lastFullSync()), m.eventsPerSecond(), m.events(), m.resyncs(),
                m.reconnects(), version, content.size(), m.reason(), instant(m.disconnectedSince()));
    }

    private static Instant instant(Long epochMs) {
        return epochMs == null ? null : Instant.ofEpochMilli(epochMs);
    }
}
