package com.mt5ops.console.bench;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.redis.Fleet;
import com.mt5ops.console.redis.FleetLoader;
import com.mt5ops.console.redis.KeyConnection;
import com.mt5ops.console.redis.LocalRedisCluster;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.sim.FleetSimulator;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchClusterProfileTest {
    @Test
    void profile() throws Exception {
        InstanceParser parser = new InstanceParser(FreshnessPolicy.defaults());
        try (LocalRedisCluster cluster = LocalRedisCluster.start(3, List.of());
             RedisConnector connector = new RedisConnector(cluster.endpoint())) {
            try (FleetSimulator sim = new FleetSimulator(connector, 10000, 1)) {
                sim.seed();
            }
            try (FleetLoader loader = new FleetLoader(connector); KeyConnection c = connector.open()) {
                StatefulRedisClusterConnection<String, String> cc = (StatefulRedisClusterConnection<String, String>) c.raw();
                long best[] = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
                for (int r = 0; r < 10; r++) {
                    long t0 = System.nanoTime();
                    Fleet f = loader.loadAll();
                    long t1 = System.nanoTime();
                    parser.parseAll(new ArrayList<>(f.instances().values()), Instant.now());
                    long t2 = System.nanoTime();
                    List<String> keys = new ArrayList<>();
                    ScanCursor cursor = ScanCursor.INITIAL;
                    do {
                        KeyScanCursor<String> page = c.async().scan(cursor, ScanArgs.Builder.matches("instance*").limit(5000)).get();
                        keys.addAll(page.getKeys());
                        cursor = page;
                    } while (!cursor.isFinished());
                    Map<String, List<String>> byNode = new HashMap<>();
                    for (String k : keys) {
                        byNode.computeIfAbsent(cc.getPartitions().getPartitionBySlot(SlotHash.getSlot(k)).getNodeId(), n -> new ArrayList<>()).add(k);
                    }
                    List<RedisFuture<?>> fs = new ArrayList<>();
                    List<StatefulRedisConnection<String, String>> used = new ArrayList<>();
                    for (var e : byNode.entrySet()) {
                        StatefulRedisConnection<String, String> n = cc.getConnection(e.getKey());
                        n.setAutoFlushCommands(false);
                        used.add(n);
                        for (String k : e.getValue()) {
                            fs.add(k.startsWith("instance:state:") ? n.async().smembers(k) : n.async().hgetall(k));
                        }
                        n.flushCommands();
                        n.setAutoFlushCommands(true);
                    }
                    for (RedisFuture<?> fu : fs) {
                        fu.get();
                    }
                    long t3 = System.nanoTime();
                    best[0] = Math.min(best[0], t1 - t0);
                    best[1] = Math.min(best[1], t2 - t1);
                    best[2] = Math.min(best[2], t3 - t2);
                    System.out.printf("PROF load %d ms; parse %d ms; by-node scan+reads %d ms%n", (t1 - t0) / 1000000,
                            (t2 - t1) / 1000000, (t3 - t2) / 1000000);
                }
                System.out.printf("PROF best load %d parse %d bynode %d%n", best[0] / 1000000, best[1] / 1000000, best[2] / 1000000);
            }
        }
    }
}
