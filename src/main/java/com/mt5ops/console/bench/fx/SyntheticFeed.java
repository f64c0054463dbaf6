package com.mt5ops.console.bench.fx;

import com.mt5ops.console.model.Fields;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.model.RawInstance;
import com.mt5ops.console.sync.Change;
import com.mt5ops.console.sync.ConnectionState;
import com.mt5ops.console.sync.FleetFeed;
import com.mt5ops.console.sync.HistorySeries;
import com.mt5ops.console.sync.MirrorBatch;
import com.mt5ops.console.sync.MirrorListener;
import com.mt5ops.console.sync.MirrorStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/** A feed that publishes a fleet and a steady stream of updates without Redis: the UI's load, isolated. */
final class SyntheticFeed implements FleetFeed {
    private final List<MirrorListener> listeners = new CopyOnWriteArrayList<>();
    private final InstanceParser parser = new InstanceParser(FreshnessPolicy.defaults());
    private final SplittableRandom random = new SplittableRandom(5);
    private final List<String> ids = new ArrayList<>();
    private final String broker = UUID.randomUUID().toString();
    private long version;

    private final List<Instance> pool = new ArrayList<>();

    SyntheticFeed(int instances) {
        for (int k = 0; k < instances; k++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        // Parsed up front: the bench measures the FX side, not parsing (the mirror's benches measure that).
        for (int v = 0; v < 3; v++) {
            ids.forEach(id -> pool.add(instance(id)));
        }
    }

    private Instance instance(String id) {
        String now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String state = (id.hashCode() % 40 == 0) != (random.nextInt(500) == 0) ? "crashed" : "running";
        RawInstance raw = new RawInstance(id,
                Map.of(Fields.BROKER_ID, broker, Fields.STATE, state, Fields.LAUNCH_MODE, "auto", Fields.ACTIVE_CONNECTIONS, "3",
                        Fields.LAST_UPDATED_AT, now),
                Map.of(Fields.CPU_USAGE, String.format(Locale.ROOT, "%.1f", random.nextDouble() * 100), Fields.MEMORY_USAGE, "512.0",
                        Fields.NETWORK_USAGE, "10.0", Fields.DISK_USAGE, "100.0", Fields.LAST_UPDATED_AT, now),
                Map.of(Fields.UPTIME_SECONDS, "100", Fields.RESTART_COUNT, "1", Fields.HEALTH_STATUS, "healthy", Fields.LAST_ERROR, "",
                        Fields.LAST_UPDATED_AT, now),
                Set.of(state), Map.of());
        return parser.parse(raw, Instant.now());
    }

    private MirrorStats currentStats() {
        return new MirrorStats(ConnectionState.LIVE, Instant.now(), 5000, version, 1, 0, version, ids.size(), "", "keyspace events seen", null);
    }

    /** Publishes the whole fleet once. */
    void publishFleet() {
        List<Change> all = new ArrayList<>(ids.size());
        pool.subList(0, ids.size()).forEach(i -> all.add(Change.upsert(i)));
        publish(all);
    }

    /** Publishes {@code perSecond} updates a second, in 10 ms batches, until {@code untilNanos}. */
    void stream(int perSecond, long untilNanos) {
        long start = System.nanoTime();
        long sent = 0;
        while (System.nanoTime() < untilNanos) {
            long due = (System.nanoTime() - start) * perSecond / 1_000_000_000L;
            List<Change> batch = new ArrayList<>();
            for (; sent < due; sent++) {
                batch.add(Change.upsert(pool.get(random.nextInt(pool.size()))));
            }
            if (!batch.isEmpty()) {
                publish(batch);
            }
            LockSupport.parkNanos(10_000_000L);
        }
    }

    private void publish(List<Change> changes) {
        version++;
        MirrorBatch batch = new MirrorBatch(version, changes, currentStats(), false, System.currentTimeMillis());
        listeners.forEach(l -> l.onBatch(batch));
    }

    @Override
    public void addListener(MirrorListener listener) {
        listeners.add(listener);
    }

    @Override
    public MirrorStats stats() {
        return currentStats();
    }

    @Override
    public HistorySeries history(String id) {
        return new HistorySeries(0, new float[0], new float[0]);
    }

    @Override
    public void requestResync() {
    }
}
