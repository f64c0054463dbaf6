package com.mt5ops.console.sim;

import com.mt5ops.console.model.Fields;
import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.LaunchMode;
import com.mt5ops.console.redis.RedisConnector;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes a realistic MT5 fleet in the seed's schema and keeps it moving at a set rate: metric random walks
 * with spikes, health that follows them, crashes with real-looking errors, and the instance manager's side
 * (restarts come back, auto instances restart themselves, operator changes are adopted). Deterministic per seed.
 */
public final class FleetSimulator implements AutoCloseable {
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final SimLink link;
    private final SplittableRandom random;
    private final List<SimInstance> fleet = new ArrayList<>();
    private final Map<String, SimInstance> byId = new HashMap<>();
    private volatile boolean stopped;
    private long updates;

    public FleetSimulator(RedisConnector connector, int instances, long seed) {
        this.link = new SimLink(connector);
        this.random = new SplittableRandom(seed);
        create(instances);
    }

    private void create(int count) {
        int brokers = Math.max(3, count / 40);
        List<String> brokerIds = new ArrayList<>();
        for (int b = 0; b < brokers; b++) {
            brokerIds.add(uuid());
        }
        for (int n = 0; n < count; n++) {
            SimInstance i = new SimInstance(uuid(), brokerIds.get(random.nextInt(brokers)),
                    random.nextDouble() < 0.8 ? LaunchMode.AUTO : LaunchMode.MANUAL,
                    1024 + 512 * random.nextInt(7), random.nextDouble() < 0.015);
            fleet.add(i);
            byId.put(i.id, i);
        }
    }

    private String uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    public List<String> ids() {
        return fleet.stream().map(i -> i.id).toList();
    }

    /** The brokers of the fleet, in the order they first appear. */
    public List<String> brokers() {
        return fleet.stream().map(i -> i.brokerId).distinct().toList();
    }

    /** Writes every instance once: hashes and index sets, after recording their ids in {@link SimulatedMarker#KEY}. */
    public void seed() {
        long now = System.currentTimeMillis();
        long[] at = new long[fleet.size()];
        for (int n = 0; n < fleet.size(); n++) {
            SimInstance i = fleet.get(n);
            double roll = random.nextDouble();
            i.state = roll < 0.86 ? InstanceState.RUNNING : roll < 0.92 ? InstanceState.STOPPED
                    : roll < 0.97 ? InstanceState.CRASHED : InstanceState.RESTARTING;
            i.runningSinceMs = now - (long) (random.nextDouble() * Duration.ofDays(12).toMillis());
            i.stateSinceMs = now - random.nextInt(4000);
            i.restartCount = random.nextInt(4);
            i.disk = 300 + random.nextDouble() * 1500;
            if (i.state == InstanceState.RUNNING) {
                i.cpu = 5 + random.nextDouble() * 55;
                i.memory = i.memoryLimitMb * (0.2 + random.nextDouble() * 0.5);
                i.network = 50 + random.nextDouble() * 600;
                i.connections = 1 + random.nextInt(10);
            }
            if (i.state == InstanceState.CRASHED) {
                i.lastError = MtErrors.crash(random);
            }
            i.health = i.derivedHealth();
            at[n] = i.silent ? now - Duration.ofMinutes(2 + random.nextInt(20)).toMillis() : now;
        }
        do { // a seed lost to a failover is written again, whole, on the new master
            if (!fleet.isEmpty()) {
                link.writes().marked(ids()); // first, so a seed cut short is still marked
            }
            for (int n = 0; n < fleet.size(); n++) {
                SimInstance i = fleet.get(n);
                link.writes().instance(i, at[n], true);
                link.writes().metrics(i, at[n]);
                link.writes().health(i, at[n], now, true);
            }
        } while (!link.flush());
    }

    /** Runs at {@code ratePerSecond} instance updates until {@code duration} passes or {@link #stop()}. */
    public long run(double ratePerSecond, Duration duration) {
        long start = System.nanoTime();
        long end = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        long nextManager = start;
        long done = 0;
        while (!stopped && System.nanoTime() < end) {
            long now = System.nanoTime();
            long due = (long) (ratePerSecond * (now - start) / 1e9);
            long wallMs = System.currentTimeMillis();
            for (; done < due && !fleet.isEmpty(); done++) {
                update(fleet.get(random.nextInt(fleet.size())), wallMs);
            }
            if (now >= nextManager) {
                manage(wallMs);
                nextManager = now + TimeUnit.SECONDS.toNanos(1);
            }
            link.flush();
            LockSupport.parkNanos(TICK_NANOS);
        }
        updates += done;
        return done;
    }

    /** {@code listener} hears (on the simulator's thread) when its writes start failing and when they work again. */
    public void onNews(java.util.function.Consumer<String> listener) {
        link.onNews(listener);
    }

    public void stop() {
        stopped = true;
    }

    public long updates() {
        return updates;
    }

    private void update(SimInstance i, long nowMs) {
        if (i.silent) {
            return;
        }
        if (i.state == InstanceState.RUNNING) {
            walk(i);
            if (random.nextDouble() < 0.003) {
                i.lastError = MtErrors.crash(random);
                changeState(i, InstanceState.CRASHED, nowMs);
                return;
            }
            if (i.derivedHealth() == HealthStatus.WARNING && random.nextDouble() < 0.1) {
                i.lastError = MtErrors.warning(random);
            }
        } else {
            i.cpu = i.state == InstanceState.RESTARTING ? 20 + random.nextDouble() * 40 : 0;
            i.memory = i.state == InstanceState.RESTARTING ? i.memoryLimitMb * 0.15 : 0;
            i.network = 0;
            i.connections = 0;
        }
        i.health = i.derivedHealth();
        if (random.nextInt(10) == 0) {
            link.writes().instance(i, nowMs, false);
        }
        link.writes().metrics(i, nowMs);
        link.writes().health(i, nowMs, nowMs, false);
    }

    private void walk(SimInstance i) {
        i.cpu = random.nextDouble() < 0.02 ? 85 + random.nextDouble() * 14.5
                : clamp(i.cpu + random.nextGaussian() * 4 - (i.cpu > 70 ? 3 : 0), 1, 99.5);
        i.memory = clamp(i.memory + random.nextGaussian() * 10, 120, i.memoryLimitMb * 0.99);
        i.network = clamp(i.network + random.nextGaussian() * 40, 10, 2500);
        i.disk = clamp(i.disk + random.nextDouble() * 0.5, 100, 50_000);
        i.connections = (int) clamp(i.connections + random.nextInt(3) - 1, 0, 16);
    }

    /** The instance manager: adopt operators' changes, bring restarts back, restart crashed auto instances. */
    private void manage(long nowMs) {
        Map<String, InstanceState> inRedis = link.read(SimWrites::statesInRedis);
        if (inRedis == null) {
            return; // the connection failed; the next round manages
        }
        for (SimInstance i : fleet) {
            InstanceState seen = inRedis.get(i.id);
            if (seen != null && seen != i.state) {
                if (seen == InstanceState.RESTARTING) {
                    i.restartCount++;
                    i.silent = false;
                }
                if (seen == InstanceState.RUNNING) {
                    i.runningSinceMs = nowMs;
                }
                i.state = seen;
                i.stateSinceMs = nowMs;
                continue;
            }
            long inState = nowMs - i.stateSinceMs;
            if (i.silent) {
                continue;
            }
            if (i.state == InstanceState.RESTARTING && inState > 3000 + (i.id.hashCode() & 0xFFF)) {
                boolean fails = random.nextDouble() < 0.15;
                i.lastError = fails ? MtErrors.crash(random) : "";
                changeState(i, fails ? InstanceState.CRASHED : InstanceState.RUNNING, nowMs);
            } else if (i.state == InstanceState.CRASHED && i.launchMode == LaunchMode.AUTO && inState > 6000) {
                i.restartCount++;
                changeState(i, InstanceState.RESTARTING, nowMs);
            }
        }
    }

    private void changeState(SimInstance i, InstanceState to, long nowMs) {
        i.state = to;
        i.stateSinceMs = nowMs;
        if (to == InstanceState.RUNNING) {
            i.runningSinceMs = nowMs;
            i.cpu = 10 + random.nextDouble() * 20;
            i.memory = i.memoryLimitMb * 0.3;
            i.connections = 1 + random.nextInt(4);
        } else if (to != InstanceState.RESTARTING) {
            i.cpu = 0;
            i.memory = 0;
            i.connections = 0;
        }
        i.health = i.derivedHealth();
        link.writes().instance(i, nowMs, true);
        link.writes().metrics(i, nowMs);
        link.writes().health(i, nowMs, nowMs, false);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static String iso(long epochMs) {
        return Instant.ofEpochMilli(epochMs).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String[] stateFields(SimInstance i, long atMs, boolean withState) {
        List<String> kv = new ArrayList<>(List.of(
                Fields.ACTIVE_CONNECTIONS, Integer.toString(i.connections), Fields.LAST_UPDATED_AT, iso(atMs)));
        if (withState) {
            kv.addAll(List.of(Fields.BROKER_ID, i.brokerId, Fields.STATE, i.state.wire(), Fields.LAUNCH_MODE, i.launchMode.wire()));
        }
        return kv.toArray(String[]::new);
    }

    static String keyOf(SimInstance i) {
        return KeySchema.instanceKey(i.id);
    }

    @Override
    public void close() {
        stop();
        link.close();
    }
}
