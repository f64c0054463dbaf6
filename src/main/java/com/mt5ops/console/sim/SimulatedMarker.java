package com.mt5ops.console.sim;

import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.redis.RedisConnector;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import com.mt5ops.console.redis.KeyConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ids a simulator wrote, kept in Redis ({@value #KEY}), and the instances it did not write: a simulated fleet
 * is never mixed into a real one unless the operator says so.
 */
public final class SimulatedMarker {
    /** The set of every instance id a simulator wrote into this Redis. */
    public static final String KEY = "console:simulated";

    /** Instances in Redis that no simulator wrote: how many, and the first id of them. */
    public record Foreign(long count, String example) {
    }

    private SimulatedMarker() {
    }

    /**
     * SCANs {@code instance*} for ids (hash keys, not the state sets) that are not in {@value #KEY}; on a Redis Cluster
     * every master (the cluster connection's SCAN walks them all).
     */
    public static Optional<Foreign> foreignInstances(RedisConnector connector) {
        try (KeyConnection c = connector.open()) {
            RedisClusterCommands<String, String> redis = c.sync();
            Set<String> ours = new HashSet<>(redis.smembers(KEY));
            TreeSet<String> foreign = new TreeSet<>();
            ScanArgs args = ScanArgs.Builder.matches(KeySchema.SCAN_PATTERN).limit(1000);
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, args);
                for (String key : page.getKeys()) {
                    KeySchema.parse(key).filter(k -> k.kind() != KeySchema.Kind.STATE_SET)
                            .map(KeySchema.ParsedKey::name).filter(id -> !ours.contains(id)).ifPresent(foreign::add);
                }
                cursor = page;
            } while (!cursor.isFinished());
            return foreign.isEmpty() ? Optional.empty() : Optional.of(new Foreign(foreign.size(), foreign.first()));
        }
    }
}
