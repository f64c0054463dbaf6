package com.mt5ops.console.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.sync.ConnectionState;
import com.mt5ops.console.sync.FleetMirror;
import com.mt5ops.console.sync.MirrorConfig;
import com.mt5ops.console.sync.MirrorStats;
import com.mt5ops.console.testing.Await;
import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.MirrorCompare;
import com.mt5ops.console.testing.RedisCluster;
import com.mt5ops.console.testing.RedisCluster.Node;
import io.lettuce.core.MigrateArgs;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;
import io.lettuce.core.cluster.models.partitions.Partitions;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live mirror on a real Redis Cluster (three masters, one replica each), through one node's plain URI: it hears
 * every master, follows a failover and a slot migration in the middle of a write storm, greys exactly the instances of a
 * frozen master while the others stay live, and `watch` shows the whole fleet LIVE.
 */
class ClusterMirrorTest {
    private static RedisCluster cluster;
    private static RedisClusterClient client;
    private static StatefulRedisClusterConnection<String, String> conn;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        cluster = RedisCluster.start(3, 1);
        client = RedisClusterClient.create(cluster.uri());
        // the storm's writer follows the cluster like any other system writing the fleet would
        client.setOptions(ClusterClientOptions.builder().topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                .enablePeriodicRefresh(Duration.ofSeconds(1)).enableAllAdaptiveRefreshTriggers().build()).build());
        conn = client.connect();
    }

    @AfterAll
    static void stop() {
        conn.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        cluster.close();
    }

    @BeforeEach
    void clean() {
        Await.until(Duration.ofSeconds(30), () -> cluster.all().stream().filter(n -> n.redis().info("replication").contains("role:slave"))
                        .allMatch(n -> n.redis().info("replication").contains("master_link_status:up")),
                () -> cluster.all().stream().map(n -> n.port() + ": " + n.redis().info("replication").lines()
                        .filter(l -> l.startsWith("role") || l.startsWith("master_port") || l.startsWith("master_link") || l.startsWith("slave0")).toList()).toList().toString());
        cluster.awaitHealthy();
        masters().forEach(n -> n.redis().flushall());
        client.refreshPartitions(); // the writer starts from the masters as they are after a failback
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private FleetMirror mirror() {
        RedisConnector connector = new RedisConnector(RedisEndpoint.parse(cluster.uri()));
        FleetMirror mirror = new FleetMirror(connector, new InstanceParser(FreshnessPolicy.defaults()), MirrorConfig.defaults(), Clock.systemUTC());
        open.add(connector);
        open.add(mirror);
        return mirror;
    }

    private static List<String> seed(int n) {
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            ids.add(Fixtures.instance(conn.sync(), k % 7 == 0 ? "crashed" : "running"));
        }
        return ids;
    }

    private static boolean liveOnAll(MirrorStats s) {
        return s.state() == ConnectionState.LIVE && s.cluster().live() == 3 && s.cluster().total() == 3;
    }

    private static void awaitLiveOnAll(FleetMirror mirror, Duration timeout) {
        Await.until(timeout, () -> liveOnAll(mirror.stats()), () -> "stats " + mirror.stats());
    }

    private static void awaitEqual(FleetMirror mirror, Duration timeout) {
        Await.until(timeout, () -> MirrorCompare.difference(mirror, cluster.uri()) == null, () -> MirrorCompare.difference(mirror, cluster.uri()));
    }

    /** The masters now (roles change in failovers). */
    private static List<Node> masters() {
        return cluster.all().stream().filter(n -> n.redis().info("replication").contains("role:master")).toList();
    }

    private static Node replicaOf(Node master) {
        return cluster.all().stream().filter(n -> {
            String info = n.redis().info("replication");
            return info.contains("role:slave") && info.contains("master_port:" + master.port() + "\r");
        }).findFirst().orElseThrow();
    }

    /** Who serves which slot, as {@code from} (a node that answers) sees it. */
    private static Partitions slots(Node from) {
        return ClusterPartitionParser.parse(from.redis().clusterNodes());
    }

    private static void signal(Node n, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(n.server().pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    /** A writer thread that sets the metrics of every id, round after round, until closed; failures (a failover) are counted. */
    private static final class Storm implements AutoCloseable {
        final AtomicLong written = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        Storm(List<String> ids) {
            thread = new Thread(() -> {
                long round = 0;
                while (running) {
                    round++;
                    List<io.lettuce.core.RedisFuture<Boolean>> sent = new ArrayList<>();
                    for (String id : ids) {
                        sent.add(conn.async().hset(KeySchema.metricsKey(id), "cpu_usage", Long.toString(round % 100)));
                    }
                    for (var f : sent) {
                        try {
                            f.get(5, java.util.concurrent.TimeUnit.SECONDS);
                            written.incrementAndGet();
                        } catch (Exception e) { // NOPMD: a write lost in a failover is the storm's business, not the test's
                            failed.incrementAndGet();
                        }
                    }
                }
            }, "storm");
            thread.start();
        }

        void awaitWrites(long more) {
            long target = written.get() + more;
            Await.until(Duration.ofSeconds(20), () -> written.get() >= target, () -> written.get() + " writes");
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }
    }

    @Test
    void aWriteStormOverEverySlotConvergesWithEveryMasterLive() throws Exception {
        List<String> ids = seed(300);
        assertTrue(masters().stream().allMatch(n -> n.redis().dbsize() > 0), "the fleet spreads over every master");
        FleetMirror mirror = mirror();
        mirror.start();
        awaitLiveOnAll(mirror, Duration.ofSeconds(10));
        awaitEqual(mirror, Duration.ofSeconds(5));
        long reconciledBefore = mirror.stats().resyncs();
        try (Storm storm = new Storm(ids)) {
            storm.awaitWrites(6_000);
        }
        awaitEqual(mirror, Duration.ofSeconds(5)); // well before a reconciliation (30 s): by events from every master
        MirrorStats s = mirror.stats();
        assertTrue(liveOnAll(s), s.toString());
        assertEquals(reconciledBefore, s.resyncs(), "converged on events, not on a full read");
        assertTrue(s.events() >= 6_000, "events heard: " + s.events());
        assertTrue(s.cluster().down().isEmpty());
    }

    @Test
    void aClusterFailoverInTheStormEndsEqualAndLiveOnTheNewMasters() throws Exception {
        List<String> ids = seed(300);
        FleetMirror mirror = mirror();
        Node oldMaster = masters().get(0);
        Node promoted = replicaOf(oldMaster);
        String promotedAddress = "127.0.0.1:" + promoted.port();
        AtomicReference<Long> liveOnNew = new AtomicReference<>();
        mirror.addListener(b -> {
            if (liveOnAll(b.stats()) && b.stats().cluster().masters().contains(promotedAddress)) {
                liveOnNew.compareAndSet(null, System.nanoTime());
            }
        });
        mirror.start();
        awaitLiveOnAll(mirror, Duration.ofSeconds(10));
        assertFalse(mirror.stats().cluster().masters().contains(promotedAddress));
        long reconnects = mirror.stats().reconnects();
        try {
            try (Storm storm = new Storm(ids)) {
                storm.awaitWrites(3_000);
                long failoverAt = System.nanoTime();
                assertEquals("OK", promoted.call("CLUSTER", "FAILOVER"));
                Await.until(Duration.ofSeconds(20), () -> liveOnNew.get() != null, () -> "not LIVE on the new masters: " + mirror.stats());
                System.out.printf("CLUSTER FAILOVER -> mirror LIVE 3/3 on the new masters: %d ms (%d storm writes, %d failed)%n",
                        (liveOnNew.get() - failoverAt) / 1_000_000, storm.written.get(), storm.failed.get());
                storm.awaitWrites(3_000);
            }
            awaitEqual(mirror, Duration.ofSeconds(10));
            MirrorStats s = mirror.stats();
            assertTrue(liveOnAll(s), s.toString());
            assertTrue(s.reconnects() > reconnects, "subscribed anew on the new masters");
            assertTrue(s.cluster().masters().contains(promotedAddress) && !s.cluster().masters().contains("127.0.0.1:" + oldMaster.port()),
                    s.cluster().masters().toString());
        } finally {
            failBack(oldMaster, promoted);
        }
    }

    /** Back as the cluster was, for the other tests: {@code oldMaster} takes over again once its new master knows it follows. */
    private static void failBack(Node oldMaster, Node promoted) {
        Await.until(Duration.ofSeconds(20), () -> oldMaster.redis().info("replication").contains("master_link_status:up")
                && promoted.redis().clusterNodes().lines().anyMatch(l -> l.contains(":" + oldMaster.port() + "@") && l.contains("slave " + promoted.id())),
                () -> "the old master does not follow the new one");
        // a manual failover the master has not heard of yet times out silently: ask again until it takes
        Await.until(Duration.ofSeconds(30), () -> {
            if (!oldMaster.redis().info("replication").contains("role:master")) {
                oldMaster.call("CLUSTER", "FAILOVER");
            }
            long until = System.nanoTime() + 6_000_000_000L;
            while (System.nanoTime() < until && !oldMaster.redis().info("replication").contains("role:master")) {
                java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
            }
            return oldMaster.redis().info("replication").contains("role:master");
        }, () -> "no failback");
    }

    @Test
    void aSlotMigratedInTheStormEndsEqual() throws Exception {
        List<String> ids = seed(300);
        FleetMirror mirror = mirror();
        mirror.start();
        awaitLiveOnAll(mirror, Duration.ofSeconds(10));
        long reconnects = mirror.stats().reconnects();
        String moving = ids.get(0);
        int slot = SlotHash.getSlot(KeySchema.metricsKey(moving));
        List<Node> masters = masters();
        Node source = masters.stream().filter(n -> slots(n).getPartitionBySlot(slot).getNodeId().equals(n.id())).findFirst().orElseThrow();
        Node target = masters.stream().filter(n -> n != source).findFirst().orElseThrow();
        try (Storm storm = new Storm(ids)) {
            storm.awaitWrites(2_000);
            String s = Integer.toString(slot);
            assertEquals("OK", target.call("CLUSTER", "SETSLOT", s, "IMPORTING", source.id()));
            assertEquals("OK", source.call("CLUSTER", "SETSLOT", s, "MIGRATING", target.id()));
            List<String> keys;
            while (!(keys = source.redis().clusterGetKeysInSlot(slot, 100)).isEmpty()) {
                source.redis().migrate("127.0.0.1", target.port(), 0, 5_000, MigrateArgs.Builder.keys(keys));
            }
            storm.awaitWrites(1_000); // writes to the moving key go to the target now (ASK)
            assertEquals("OK", target.call("CLUSTER", "SETSLOT", s, "NODE", target.id()));
            for (Node m : masters) {
                if (m != target) {
                    assertEquals("OK", m.call("CLUSTER", "SETSLOT", s, "NODE", target.id()));
                }
            }
            assertTrue(target.redis().exists(KeySchema.metricsKey(moving)) == 1, "the key moved");
            Await.until(Duration.ofSeconds(20), () -> mirror.stats().reconnects() > reconnects && liveOnAll(mirror.stats()),
                    () -> "the migration was not followed: " + mirror.stats());
            storm.awaitWrites(2_000);
        }
        awaitEqual(mirror, Duration.ofSeconds(10));
        assertTrue(liveOnAll(mirror.stats()), mirror.stats().toString());
    }

    @Test
    void aFrozenMasterGreysExactlyTheInstancesWithAKeyOnItAndTheOthersStayLive() throws Exception {
        List<String> ids = seed(150);
        FleetMirror mirror = mirror();
        mirror.start();
        awaitLiveOnAll(mirror, Duration.ofSeconds(10));
        awaitEqual(mirror, Duration.ofSeconds(5));
        Node victim = masters().get(1);
        Node witness = masters().stream().filter(n -> n != victim).findFirst().orElseThrow();
        Node replica = replicaOf(victim);
        Partitions owners = slots(witness);
        List<String> onVictim = ids.stream().filter(id -> List.of(KeySchema.instanceKey(id), KeySchema.metricsKey(id), KeySchema.healthKey(id))
                .stream().anyMatch(k -> owners.getPartitionBySlot(SlotHash.getSlot(k)).getNodeId().equals(victim.id()))).toList();
        List<String> elsewhere = ids.stream().filter(id -> !onVictim.contains(id)).toList();
        assertFalse(onVictim.isEmpty() || elsewhere.isEmpty());
        // no failover and no refusal of the other masters' slots while it is frozen: this test is about the freeze
        cluster.all().forEach(n -> n.redis().configSet("cluster-require-full-coverage", "no"));
        replica.redis().configSet("cluster-replica-no-failover", "yes");
        signal(victim, "STOP");
        try {
            Await.until(Duration.ofSeconds(5), () -> mirror.stats().cluster().live() == 2, () -> "stats " + mirror.stats());
            MirrorStats s = mirror.stats();
            assertEquals(ConnectionState.LIVE, s.state(), "the other masters' instances are live");
            assertTrue(s.cluster().detail().contains("127.0.0.1:" + victim.port() + " STALLED"), s.cluster().detail());
            assertEquals("2/3", s.cluster().ratio());
            for (String id : onVictim) {
                assertFalse(s.current(id), id + " has a key on the frozen master: greyed");
            }
            for (String id : elsewhere) {
                assertTrue(s.current(id), id + " has no key there: live");
            }
            String changed = elsewhere.get(0);
            conn.sync().hset(KeySchema.metricsKey(changed), "cpu_usage", "12.5");
            Await.until(Duration.ofSeconds(3), () -> "12.5".equals(mirror.get(changed).raw().metrics().get("cpu_usage")),
                    () -> "a change elsewhere did not arrive: " + mirror.get(changed).raw().metrics());
            signal(victim, "CONT");
            Await.until(Duration.ofSeconds(5), () -> liveOnAll(mirror.stats()) && mirror.stats().cluster().down().isEmpty(),
                    () -> "stats " + mirror.stats());
            conn.sync().hset(KeySchema.metricsKey(onVictim.get(0)), "cpu_usage", "66.0");
            awaitEqual(mirror, Duration.ofSeconds(5));
        } finally {
            signal(victim, "CONT");
            // the others flagged it FAIL meanwhile: its replica may take over only after every node has cleared that
            Await.until(Duration.ofSeconds(20), () -> cluster.all().stream().allMatch(n -> n.redis().clusterNodes().lines()
                    .noneMatch(l -> l.startsWith(victim.id()) && l.contains("fail"))), () -> "still flagged as failing");
            replica.redis().configSet("cluster-replica-no-failover", "no");
            cluster.all().forEach(n -> n.redis().configSet("cluster-require-full-coverage", "yes"));
        }
    }

    @Test
    void aKilledMasterGreysItsInstancesUntilItIsBackAndThenTheMirrorEqualsTheCluster() throws Exception {
        List<String> ids = seed(150);
        FleetMirror mirror = mirror();
        mirror.start();
        awaitLiveOnAll(mirror, Duration.ofSeconds(10));
        awaitEqual(mirror, Duration.ofSeconds(5));
        Node victim = masters().get(2);
        Node witness = masters().get(0);
        Node replica = replicaOf(victim);
        String victimId = victim.id();
        Partitions owners = slots(witness);
        List<String> onVictim = ids.stream().filter(id -> List.of(KeySchema.instanceKey(id), KeySchema.metricsKey(id), KeySchema.healthKey(id))
                .stream().anyMatch(k -> owners.getPartitionBySlot(SlotHash.getSlot(k)).getNodeId().equals(victimId))).toList();
        List<String> elsewhere = ids.stream().filter(id -> !onVictim.contains(id)).toList();
        assertFalse(onVictim.isEmpty() || elsewhere.isEmpty());
        // no replica takes over: the master is simply gone until it is started again
        cluster.all().forEach(n -> n.redis().configSet("cluster-require-full-coverage", "no"));
        replica.redis().configSet("cluster-replica-no-failover", "yes");
        victim.server().kill();
        try {
            Await.until(Duration.ofSeconds(5), () -> mirror.stats().cluster().live() == 2, () -> "stats " + mirror.stats());
            MirrorStats s = mirror.stats();
            assertEquals(ConnectionState.LIVE, s.state(), "the other masters' instances are live");
            assertEquals("2/3", s.cluster().ratio());
            assertTrue(s.cluster().detail().contains("127.0.0.1:" + victim.port()), s.cluster().detail());
            for (String id : onVictim) {
                assertFalse(s.current(id), id + " has a key on the killed master: greyed");
            }
            for (String id : elsewhere) {
                assertTrue(s.current(id), id + " has no key there: live");
            }
            String changed = elsewhere.get(0);
            conn.sync().hset(KeySchema.metricsKey(changed), "cpu_usage", "21.5");
            Await.until(Duration.ofSeconds(3), () -> "21.5".equals(mirror.get(changed).raw().metrics().get("cpu_usage")),
                    () -> "a change elsewhere did not arrive: " + mirror.get(changed).raw().metrics());
        } finally {
            victim.server().restart(); // empty (no persistence): its keys are gone, and the mirror must say so
        }
        try {
            Await.until(Duration.ofSeconds(15), () -> liveOnAll(mirror.stats()) && mirror.stats().cluster().down().isEmpty(),
                    () -> "stats " + mirror.stats());
            awaitEqual(mirror, Duration.ofSeconds(10));
            assertTrue(onVictim.stream().anyMatch(id -> mirror.get(id) == null || !mirror.get(id).problems().isEmpty()),
                    "what the restarted master lost is gone from the mirror too");
        } finally {
            Await.until(Duration.ofSeconds(20), () -> cluster.all().stream().allMatch(n -> n.redis().clusterNodes().lines()
                    .noneMatch(l -> l.startsWith(victimId) && l.contains("fail"))), () -> "still flagged as failing");
            replica.redis().configSet("cluster-replica-no-failover", "no");
            cluster.all().forEach(n -> n.redis().configSet("cluster-require-full-coverage", "yes"));
        }
    }

    @Test
    void watchWithAMasterDownFromTheStartNeverPassesAPartialFleetForTheTruth() throws Exception {
        seed(60);
        Node victim = masters().get(2);
        Node replica = replicaOf(victim);
        String victimId = victim.id();
        cluster.all().forEach(n -> n.redis().configSet("cluster-require-full-coverage", "no"));
        replica.redis().configSet("cluster-replica-no-failover", "yes");
        victim.server().kill();
        try {
            CliRun run = CliRun.of("watch", "--redis", cluster.uri(), "--seconds", "4", "--format", "jsonl");
            assertEquals(5, run.exitCode(), "no first full read: " + run.out() + run.err());
            assertTrue(run.err().contains("no full read"), run.err());
            assertTrue(run.out().lines().noneMatch(l -> l.contains("\"connection\":\"LIVE\"")), run.out());
            assertTrue(run.out().lines().noneMatch(l -> l.contains("\"instance_id\"")), "no instance streamed as if read: " + run.out());
        } finally {
            victim.server().restart();
            Await.until(Duration.ofSeconds(20), () -> cluster.all().stream().allMatch(n -> n.redis().clusterNodes().lines()
                    .noneMatch(l -> l.startsWith(victimId) && l.contains("fail"))), () -> "still flagged as failing");
            replica.redis().configSet("cluster-replica-no-failover", "no");
            cluster.all().forEach(n -> n.redis().configSet("cluster-require-full-coverage", "yes"));
        }
    }

    @Test
    void watchOnAClusterNodeShowsTheWholeFleetLive() throws Exception {
        List<String> ids = seed(60);
        CliRun.Running stream = CliRun.start("watch", "--redis", cluster.uri(), "--seconds", "5", "--format", "jsonl");
        CliRun run = CliRun.of("watch", "--redis", "redis://127.0.0.1:" + masters().get(2).port() + "/0", "--seconds", "4");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode watched = new ObjectMapper().readTree(run.out());
        assertEquals(new TreeSet<>(ids), new TreeSet<>(watched.get("instances").findValuesAsText("instance_id")));
        assertEquals("LIVE", watched.get("stats").get("mode").asText());
        assertEquals(3, watched.get("stats").get("masters_live").asInt(), watched.get("stats").toString());
        CliRun lines = stream.result().get();
        assertEquals(0, lines.exitCode(), lines.err());
        assertTrue(lines.out().lines().anyMatch(l -> l.contains("\"connection\":\"LIVE\"") && l.contains("\"masters\":\"3/3\"")), lines.out());
    }
}
