package com.mt5ops.console.testing;

import com.mt5ops.console.model.KeySchema;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Writes well-formed instances the way other systems do, for tests to start from or break. */
public final class Fixtures {
    public static final String BROKER = "776e4400-e29b-41d4-a716-446655440001";

    private Fixtures() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static Map<String, String> stateHash(String state) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("broker_id", BROKER);
        m.put("state", state);
        m.put("launch_mode", "auto");
        m.put("active_connections", "4");
        m.put("last_updated_at", now());
        return m;
    }

    public static Map<String, String> metricsHash() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cpu_usage", "45.5");
        m.put("memory_usage", "256.3");
        m.put("network_usage", "123.4");
        m.put("disk_usage", "500.7");
        m.put("last_updated_at", now());
        return m;
    }

    public static Map<String, String> healthHash() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("uptime_seconds", "3600");
        m.put("restart_count", "2");
        m.put("health_status", "healthy");
        m.put("last_error", "");
        m.put("last_updated_at", now());
        return m;
    }

    /** A complete, consistent instance in {@code state}: three hashes and its index set. */
    public static String instance(RedisClusterCommands<String, String> redis, String state) {
        String id = newId();
        instance(redis, id, state);
        return id;
    }

    public static void instance(RedisClusterCommands<String, String> redis, String id, String state) {
        redis.hset(KeySchema.instanceKey(id), stateHash(state));
        redis.hset(KeySchema.metricsKey(id), metricsHash());
        redis.hset(KeySchema.healthKey(id), healthHash());
        redis.sadd(KeySchema.stateSetKey(state), id);
    }
}
