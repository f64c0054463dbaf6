package com.mt5ops.console.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisCluster;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Any node's plain redis:// URI reads the whole cluster: every instance, with no false problem. */
class ClusterReadTest {
    private static RedisCluster cluster;
    private static RedisClusterClient client;
    private static StatefulRedisClusterConnection<String, String> conn;

    @BeforeAll
    static void start() throws Exception {
        cluster = RedisCluster.start(3, 0);
        client = RedisClusterClient.create(cluster.uri());
        conn = client.connect();
    }

    @AfterAll
    static void stop() {
        conn.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        cluster.close();
    }

    @Test
    void snapshotThroughAnyNodeReadsTheWholeFleetWithNoFalseProblem() throws Exception {
        conn.sync().flushall();
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            ids.add(Fixtures.instance(conn.sync(), k % 5 == 0 ? "crashed" : "running"));
        }
        assertTrue(cluster.masters().stream().allMatch(n -> n.redis().dbsize() > 0), "the keys spread over every master");
        for (RedisCluster.Node node : cluster.masters()) {
            CliRun run = CliRun.of("snapshot", "--redis", "redis://127.0.0.1:" + node.port() + "/0");
            assertEquals(0, run.exitCode(), run.err());
            JsonNode fleet = new ObjectMapper().readTree(run.out());
            assertEquals(new TreeSet<>(ids), new TreeSet<>(fleet.get("instances").findValuesAsText("instance_id")), "through " + node.port());
            fleet.get("instances").forEach(i -> assertEquals(0, i.get("problems").size(), i.toString()));
        }
    }

    @Test
    void aClusterHasOnlyDatabaseZero() {
        CliRun run = CliRun.of("snapshot", "--redis", "redis://127.0.0.1:" + cluster.masters().get(0).port() + "/3");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("Redis Cluster") && run.err().contains("/0"), run.err());
    }
}
