package com.mt5ops.console.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mt5ops.console.testing.RedisCluster;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The test cluster forms: three masters own every slot, and a key written anywhere is found through any node. */
class ClusterHarnessTest {
    @Test
    void threeMastersServeEverySlot() throws Exception {
        try (RedisCluster cluster = RedisCluster.start(3, 1)) {
            RedisClusterClient client = RedisClusterClient.create(cluster.uri());
            try (StatefulRedisClusterConnection<String, String> c = client.connect()) {
                for (int k = 0; k < 100; k++) {
                    c.sync().set("k" + k, "v" + k);
                }
                assertEquals(100L, cluster.masters().stream().mapToLong(n -> n.redis().dbsize()).sum());
                assertEquals(3, cluster.masters().stream().filter(n -> n.redis().dbsize() > 0).count());
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            }
        }
    }
}
