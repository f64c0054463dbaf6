package com.mt5ops.console.sim;

import com.mt5ops.console.model.Fields;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.redis.LuaScript;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The simulator's pipelined writes, shaped like an instance manager's; the caller flushes and awaits. A state change
 * is one script on a single server; on a Redis Cluster, where the hash and the state sets live in different slots,
 * the hash first, then the sets, with separate commands (as an instance manager there must).
 */
final class SimWrites {
    private final RedisClusterAsyncCommands<String, String> redis;
    private final Runnable flush;
    private final boolean cluster;
    private final LuaScript writerUpdate = new LuaScript("/com/mt5ops/console/redis/writer-update.lua");
    private final List<CompletableFuture<?>> pending = new ArrayList<>();
    private final String[] stateSetKeys;

    SimWrites(RedisClusterAsyncCommands<String, String> redis, Runnable flush, boolean cluster) {
        this.redis = redis;
        this.flush = flush;
        this.cluster = cluster;
        List<String> keys = new ArrayList<>();
        for (InstanceState s : InstanceState.values()) {
            keys.add(KeySchema.stateSetKey(s.wire()));
        }
        this.stateSetKeys = keys.toArray(String[]::new);
    }

    /** Records these ids as the simulator's own ({@link SimulatedMarker#KEY}). */
    void marked(List<String> ids) {
        pending.add(redis.sadd(SimulatedMarker.KEY, ids.toArray(String[]::new)).toCompletableFuture());
    }

    /** The instance hash; with {@code withState}, also the state and index sets in one atomic step. */
    void instance(SimInstance i, long atMs, boolean withState) {
        String[] fields = FleetSimulator.stateFields(i, atMs, withState);
        if (!withState || cluster) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int k = 0; k < fields.length; k += 2) {
                map.put(fields[k], fields[k + 1]);
            }
            pending.add(redis.hset(FleetSimulator.keyOf(i), map).toCompletableFuture());
            if (withState) {
                index(i);
            }
            return;
        }
        String[] keys = new String[stateSetKeys.length + 1];
        keys[0] = FleetSimulator.keyOf(i);
        System.arraycopy(stateSetKeys, 0, keys, 1, stateSetKeys.length);
        String[] args = new String[fields.length + 1];
        args[0] = i.id;
        System.arraycopy(fields, 0, args, 1, fields.length);
        pending.add(writerUpdate.run(redis, flush, ScriptOutputType.INTEGER, keys, args));
        counted(i);
    }

    /** The index after the hash, one set at a time (cluster): out of every other state's set, into its own. */
    private void index(SimInstance i) {
        String target = KeySchema.stateSetKey(i.state.wire());
        for (String set : stateSetKeys) {
            if (!set.equals(target)) {
                pending.add(redis.srem(set, i.id).toCompletableFuture());
            }
        }
        pending.add(redis.sadd(target, i.id).toCompletableFuture());
        counted(i);
    }

    private void counted(SimInstance i) {
        if (i.state == InstanceState.RESTARTING) {
            pending.add(redis.hincrby(KeySchema.healthKey(i.id), Fields.RESTART_COUNT, 1).toCompletableFuture());
        }
    }

    void metrics(SimInstance i, long atMs) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Fields.CPU_USAGE, fmt(i.cpu));
        m.put(Fields.MEMORY_USAGE, fmt(i.memory));
        m.put(Fields.NETWORK_USAGE, fmt(i.network));
        m.put(Fields.DISK_USAGE, fmt(i.disk));
        m.put(Fields.LAST_UPDATED_AT, FleetSimulator.iso(atMs));
        pending.add(redis.hset(KeySchema.metricsKey(i.id), m).toCompletableFuture());
    }

    /** The health hash. restart_count is written only at seed time; later it only grows by HINCRBY. */
    void health(SimInstance i, long atMs, long nowMs, boolean withRestartCount) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(Fields.UPTIME_SECONDS, Long.toString(i.uptimeSeconds(nowMs)));
        h.put(Fields.HEALTH_STATUS, i.health.wire());
        h.put(Fields.LAST_ERROR, i.lastError);
        h.put(Fields.LAST_UPDATED_AT, FleetSimulator.iso(atMs));
        if (withRestartCount) {
            h.put(Fields.RESTART_COUNT, Long.toString(i.restartCount));
        }
        pending.add(redis.hset(KeySchema.healthKey(i.id), h).toCompletableFuture());
    }

    /** Which state set each id is in now (flushes and waits). */
    Map<String, InstanceState> statesInRedis() {
        Map<InstanceState, RedisFuture<Set<String>>> replies = new LinkedHashMap<>();
        for (InstanceState s : InstanceState.values()) {
            replies.put(s, redis.smembers(KeySchema.stateSetKey(s.wire())));
        }
        flush.run();
        Map<String, InstanceState> out = new HashMap<>();
        replies.forEach((state, f) -> f.toCompletableFuture().join().forEach(id -> out.put(id, state)));
        return out;
    }

    void await() {
        try {
            for (CompletableFuture<?> f : pending) {
                f.join();
            }
        } finally {
            pending.clear(); // a failed write is reported once; the next round starts clean
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
