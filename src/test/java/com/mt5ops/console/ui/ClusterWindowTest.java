package com.mt5ops.console.ui;

import static com.mt5ops.console.ui.ConsoleHarness.fx;
import static com.mt5ops.console.ui.ConsoleHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisCluster;
import com.mt5ops.console.testing.RedisCluster.Node;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;
import io.lettuce.core.cluster.models.partitions.Partitions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The window on a real Redis Cluster of three masters (no replicas): the status bar says how many masters are LIVE, and
 * a frozen master fades exactly the rows of the instances with a key on it while the rest of the fleet stays live.
 */
class ClusterWindowTest extends FxRobot {
    private static RedisCluster cluster;
    private static RedisClusterClient client;
    private static StatefulRedisClusterConnection<String, String> conn;
    private ConsoleHarness console;

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

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private String text(String query) {
        return fx(() -> lookup(query).queryAs(Label.class).getText());
    }

    /** Each shown row's instance id and whether it is faded, read in one go on the FX thread. */
    private Map<String, Boolean> fadedRows() {
        return fx(() -> lookup(".table-row-cell").queryAll().stream().map(n -> (TableRow<?>) n).filter(r -> r.getItem() != null)
                .collect(Collectors.toMap(r -> (String) r.getItem(), r -> r.getStyleClass().contains("faded"), (a, b) -> a)));
    }

    private static void signal(Node n, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(n.server().pid())).inheritIO().start().waitFor());
    }

    @Test
    void theStatusBarCountsTheLiveMastersAndAFrozenMasterFadesExactlyItsInstances() throws Exception {
        conn.sync().flushall();
        Node victim = cluster.masters().get(1);
        Partitions owners = ClusterPartitionParser.parse(cluster.masters().get(0).redis().clusterNodes());
        String victimId = victim.id();
        // four instances with a key on the master that will freeze, five with none there (ids chosen by their slots)
        List<String> onVictim = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        while (onVictim.size() < 4 || elsewhere.size() < 5) {
            String id = Fixtures.newId();
            boolean there = List.of(KeySchema.instanceKey(id), KeySchema.metricsKey(id), KeySchema.healthKey(id)).stream()
                    .anyMatch(k -> owners.getPartitionBySlot(SlotHash.getSlot(k)).getNodeId().equals(victimId));
            List<String> group = there ? onVictim : elsewhere;
            if (group.size() < (there ? 4 : 5)) {
                Fixtures.instance(conn.sync(), id, "running");
                group.add(id);
            }
        }
        List<String> ids = new ArrayList<>(onVictim);
        ids.addAll(elsewhere);

        console = new ConsoleHarness(cluster.uri(), false);
        waitFor(15, () -> "LIVE 3/3".equals(lookup("#connection-state").queryAs(Label.class).getText()),
                "LIVE 3/3 in the status bar, have " + text("#connection-state"));
        waitFor(10, () -> console.window.viewModel().visible().size() == ids.size(), "every instance of the cluster");
        clickOn("#view-toggle");
        waitFor(5, () -> fadedRows().size() == ids.size(), "a row per instance");
        assertTrue(fadedRows().values().stream().noneMatch(f -> f), "nothing faded while every master is LIVE: " + fadedRows());

        // no failover to wait for (no replica) and the other masters keep serving their slots while it is frozen
        cluster.all().forEach(n -> n.redis().configSet("cluster-require-full-coverage", "no"));
        signal(victim, "STOP");
        try {
            waitFor(6, () -> "LIVE 2/3".equals(lookup("#connection-state").queryAs(Label.class).getText()),
                    "LIVE 2/3 in the status bar, have " + text("#connection-state"));
            waitFor(3, () -> fadedRows().entrySet().stream().allMatch(e -> e.getValue() == onVictim.contains(e.getKey())),
                    "exactly the instances with a key on the frozen master faded: " + fadedRows() + " expected " + onVictim);
            assertTrue(text("#connection-state").startsWith("LIVE"));
            assertTrue(fx(() -> lookup("#connection-state").query().getStyleClass().contains("partial")), "LIVE 2/3 in amber");
            waitFor(3, () -> lookup("#connection-banner").query().isVisible() && text("#banner-text").contains("1 of 3 cluster masters not live")
                    && text("#banner-text").contains(":" + victim.port()), "the banner names the master that is down");
            assertEquals(1.0, fx(() -> lookup("#fleet-area").query().getOpacity()), "the fleet as a whole is not greyed");
            clickOn(fx(() -> (javafx.scene.Node) lookup(".table-row-cell").queryAll().stream().map(n -> (TableRow<?>) n)
                    .filter(r -> onVictim.get(0).equals(r.getItem())).findFirst().orElseThrow().lookup(".table-cell")));
            waitFor(5, () -> lookup("#detail-age").tryQuery().isPresent() && text("#detail-age").contains("cluster master holding its keys is not LIVE"),
                    "the detail says why its data may be behind");
        } finally {
            signal(victim, "CONT");
        }
        waitFor(10, () -> "LIVE 3/3".equals(lookup("#connection-state").queryAs(Label.class).getText()),
                "LIVE 3/3 again, have " + text("#connection-state"));
        waitFor(3, () -> fadedRows().values().stream().noneMatch(f -> f), "nothing faded again: " + fadedRows());
        waitFor(3, () -> !lookup("#connection-banner").query().isVisible(), "no banner once every master is LIVE");
        assertFalse(fx(() -> lookup("#connection-state").query().getStyleClass().contains("partial")), "LIVE 3/3 in green");
        waitFor(3, () -> !text("#detail-age").contains("not LIVE"), "the detail live again");
        cluster.all().forEach(n -> n.redis().configSet("cluster-require-full-coverage", "yes"));
    }
}
