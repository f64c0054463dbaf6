package com.mt5ops.console.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.redis.LocalRedisServer;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.testing.Await;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.MirrorCompare;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FleetMirrorTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private final List<AutoCloseable> open = new ArrayList<>();

    /** With consent to add the missing notification flags (--enable-notifications): these tests start with them off. */
    private FleetMirror mirror(String uri) {
        RedisConnector connector = new RedisConnector(RedisEndpoint.parse(uri));
        FleetMirror mirror = new FleetMirror(connector, new InstanceParser(FreshnessPolicy.defaults()), MirrorConfig.defaults(), Clock.systemUTC(),
                MirrorRights.of(false, true));
        open.add(connector);
        open.add(mirror);
        mirror.start();
        return mirror;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private static void awaitEqual(FleetMirror mirror, String uri, Duration timeout) {
        Await.until(timeout, () -> MirrorCompare.difference(mirror, uri) == null, () -> MirrorCompare.difference(mirror, uri));
    }

    private static void awaitState(FleetMirror mirror, ConnectionState state, Duration timeout) {
        Await.until(timeout, () -> mirror.stats().state() == state, () -> "state is " + mirror.stats());
    }

    @Test
    void mirrorFollowsWritesDeletesExpiriesRenamesAndIndexChanges() {
        RedisCommands<String, String> r = REDIS.redis();
        String a = Fixtures.instance(r, "running");
        FleetMirror mirror = mirror(REDIS.uri());
        awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(5));
        awaitEqual(mirror, REDIS.uri(), Duration.ofSeconds(2));
        assertTrue(r.configGet("notify-keyspace-events").get("notify-keyspace-events").contains("K"), "flags were added (with consent)");

        String b = Fixtures.instance(r, "crashed");
        r.hset("instance_metrics:" + a, "cpu_usage", "99.5");
        r.sadd("instance:state:stopped", a);
        String c = Fixtures.instance(r, "stopped");
        r.expire("instance_health:" + c, 1);
        String renamed = Fixtures.newId();
        r.rename("instance:" + b, "instance:" + renamed);
        String gone = Fixtures.instance(r, "running");
        r.del("instance:" + gone, "instance_metrics:" + gone, "instance_health:" + gone);
        r.srem("instance:state:running", gone);
        awaitEqual(mirror, REDIS.uri(), Duration.ofSeconds(3));
        assertTrue(mirror.instances().get(a).raw().indexSets().contains("stopped"));
        assertNull(mirror.instances().get(gone));
        Await.until(Duration.ofSeconds(4), () -> mirror.instances().get(c).raw().health() == null, () -> "expiry not seen");
        awaitEqual(mirror, REDIS.uri(), Duration.ofSeconds(2));
    }

    @Test
    void idsInAStateSetWithAnEmptyNameAreMirroredLikeAnyOther() {
        RedisCommands<String, String> r = REDIS.redis();
        String listed = Fixtures.instance(r, "running");
        r.sadd("instance:state:", listed);
        FleetMirror mirror = mirror(REDIS.uri());
        awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(5));
        Await.until(Duration.ofSeconds(3), () -> mirror.instances().containsKey(listed)
                && mirror.instances().get(listed).raw().indexSets().equals(java.util.Set.of("", "running")), () -> "the first read missed it");
        String dangling = Fixtures.newId();
        r.sadd("instance:state:", dangling);
        Await.until(Duration.ofSeconds(3), () -> mirror.instances().containsKey(dangling), () -> "the live change missed it");
        assertEquals(List.of("INDEX_DANGLING"), mirror.instances().get(dangling).problems().stream().map(p -> p.code().name()).toList());
        r.srem("instance:state:", listed, dangling);
        Await.until(Duration.ofSeconds(3), () -> !mirror.instances().containsKey(dangling)
                && mirror.instances().get(listed).raw().indexSets().equals(java.util.Set.of("running")), () -> "the removal missed");
        awaitEqual(mirror, REDIS.uri(), Duration.ofSeconds(2));
    }

    @Test
    void batchesArriveInVersionOrderWithEveryChange() {
        RedisCommands<String, String> r = REDIS.redis();
        FleetMirror mirror = mirror(REDIS.uri());
        List<MirrorBatch> batches = new CopyOnWriteArrayList<>();
        mirror.addListener(batches::add);
        awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(5));
        String id = Fixtures.instance(r, "running");
        Await.until(Duration.ofSeconds(2), () -> batches.stream().anyMatch(b -> b.changes().stream().anyMatch(ch -> ch.instanceId().equals(id))), () -> "no change for " + id);
        for (int k = 1; k < batches.size(); k++) {
            assertTrue(batches.get(k).version() > batches.get(k - 1).version());
        }
    }

    @Test
    void aListenerThatJoinsLateFirstGetsTheWholeFleet() {
        RedisCommands<String, String> r = REDIS.redis();
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            ids.add(Fixtures.instance(r, "running"));
        }
        FleetMirror mirror = mirror(REDIS.uri());
        awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(5));
        awaitEqual(mirror, REDIS.uri(), Duration.ofSeconds(2));
        List<MirrorBatch> got = new CopyOnWriteArrayList<>();
        mirror.addListener(got::add);
        Await.until(Duration.ofSeconds(3), () -> !got.isEmpty(), () -> "no greeting");
        assertEquals(new java.util.TreeSet<>(ids), new java.util.TreeSet<>(got.get(0).changes().stream().map(Change::instanceId).toList()));
        String later = Fixtures.instance(r, "crashed");
        Await.until(Duration.ofSeconds(3), () -> got.stream().skip(1).anyMatch(b -> b.changes().stream().anyMatch(c -> c.instanceId().equals(later))),
                () -> "later change not delivered");
    }

    @Test
    void aListenerThatThrowsShowsAsFailedThenTheMirrorRestartsAndRefillsIt() {
        RedisCommands<String, String> r = REDIS.redis();
        for (int k = 0; k < 5; k++) {
            Fixtures.instance(r, "running");
        }
        FleetMirror mirror = mirror(REDIS.uri());
        awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(5));
        Map<String, Object> view = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        List<ConnectionState> seen = new CopyOnWriteArrayList<>();
        mirror.addListener(batch -> {
            if (calls.incrementAndGet() == 2) {
                throw new StackOverflowError("injected"); // an Error, not an Exception: it must not end the worker
            }
            for (Change c : batch.removingTheRestOf(view.keySet()).changes()) {
                if (c.kind() == Change.Kind.REMOVED) {
                    view.remove(c.instanceId());
                } else {
                    view.put(c.instanceId(), c.instance().raw());
                }
            }
            seen.add(batch.stats().state());
        });
        String lost = Fixtures.instance(r, "crashed"); // its batch is the one the listener throws on
        Await.until(Duration.ofSeconds(3), () -> mirror.stats().state() == ConnectionState.FAILED || seen.contains(ConnectionState.FAILED),
                () -> "never FAILED: " + mirror.stats());
        assertTrue(mirror.stats().reason().contains("injected") || mirror.stats().state() != ConnectionState.FAILED, mirror.stats().reason());
        awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(10));
        String later = Fixtures.instance(r, "stopped");
        Await.until(Duration.ofSeconds(5), () -> view.containsKey(later) && view.containsKey(lost) && view.size() == 7,
                () -> "the listener's view has " + view.keySet());
        awaitEqual(mirror, REDIS.uri(), Duration.ofSeconds(3));
    }

    @Test
    void mirrorResyncsAfterItsPubSubConnectionIsKilled() {
        RedisCommands<String, String> r = REDIS.redis();
        for (int k = 0; k < 50; k++) {
            Fixtures.instance(r, "running");
        }
        FleetMirror mirror = mirror(REDIS.uri());
        awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(5));
        r.clientKill(io.lettuce.core.KillArgs.Builder.typePubsub());
        for (int k = 0; k < 20; k++) {
            Fixtures.instance(r, "crashed");
        }
        Await.until(Duration.ofSeconds(5), () -> mirror.stats().reconnects() >= 1, () -> "no reconnect: " + mirror.stats());
        awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(5));
        awaitEqual(mirror, REDIS.uri(), Duration.ofSeconds(3));
    }

    @Test
    void mirrorGoesNotLiveAtOnceAndRecoversAfterRedisRestartsWithANewFleet() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        Fixtures.instance(r, "running");
        FleetMirror mirror = mirror(REDIS.uri());
        awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(5));
        REDIS.server().kill();
        long killed = System.nanoTime();
        Await.until(Duration.ofSeconds(1), () -> !mirror.stats().state().isCurrent(), () -> "still " + mirror.stats());
        assertTrue(System.nanoTime() - killed < 1_000_000_000L);
        REDIS.server().restart();
        Await.until(Duration.ofSeconds(5), () -> {
            try {
                REDIS.redis().ping();
                return true;
            } catch (RuntimeException notYet) {
                return false;
            }
        }, () -> "test connection did not come back");
        String fresh = Fixtures.instance(REDIS.redis(), "stopped");
        awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(8));
        awaitEqual(mirror, REDIS.uri(), Duration.ofSeconds(3));
        assertEquals(List.of(fresh), new ArrayList<>(mirror.instances().keySet()));
        assertTrue(mirror.stats().reconnects() >= 1);
        assertTrue(REDIS.redis().configGet("notify-keyspace-events").get("notify-keyspace-events").contains("K"),
                "the restarted server's notification flags were restored");
    }

    private static void signal(String sig, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start().waitFor());
    }

    @Test
    void aFrozenServerIsStalledWithinThreeSecondsAndLiveAgainWhenItAnswers() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        FleetMirror mirror = mirror(REDIS.uri());
        awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(5));
        long pid = REDIS.server().pid();
        signal("STOP", pid);
        long frozen = System.nanoTime();
        try {
            // 3 s by design (a PING a second, late after 2 s: MirrorMachineTest); 1 s more for a busy CI machine
            Await.until(Duration.ofSeconds(4), () -> mirror.stats().state() == ConnectionState.STALLED, () -> "state " + mirror.stats());
            assertTrue(mirror.stats().reason().startsWith("no reply to PING for"), mirror.stats().reason());
            assertTrue(mirror.stats().disconnectedSince() != null, "the data is behind since the freeze");
            assertTrue(System.nanoTime() - frozen >= 1_000_000_000L, "not before a PING could be late");
        } finally {
            signal("CONT", pid);
        }
        awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(5));
        assertEquals(null, mirror.stats().disconnectedSince());
        r.hset("instance_metrics:" + id, Map.of("cpu_usage", "55.5"));
        awaitEqual(mirror, REDIS.uri(), Duration.ofSeconds(3));
    }

    @Test
    void mirrorRecoversWhenRedisDropsItForAFullOutputBuffer() {
        RedisCommands<String, String> r = REDIS.redis();
        FleetMirror mirror = mirror(REDIS.uri());
        awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(5));
        List<String> doomed = new ArrayList<>();
        for (int k = 0; k < 1500; k++) {
            String id = Fixtures.newId();
            r.hset("instance:" + id, Fixtures.stateHash("running"));
            doomed.add("instance:" + id);
        }
        awaitEqual(mirror, REDIS.uri(), Duration.ofSeconds(5));
        r.configSet("client-output-buffer-limit", "pubsub 1024 1024 1");
        try {
            // One command, 1,500 notifications: more than the subscriber's buffer may hold, so Redis drops it.
            r.del(doomed.toArray(String[]::new));
            for (int k = 0; k < 200; k++) {
                Fixtures.instance(r, "running");
            }
        } finally {
            r.configSet("client-output-buffer-limit", "pubsub 32mb 8mb 60");
        }
        Await.until(Duration.ofSeconds(10), () -> mirror.stats().reconnects() >= 1, () -> "subscriber was never dropped: " + mirror.stats());
        awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(8));
        awaitEqual(mirror, REDIS.uri(), Duration.ofSeconds(3));
        assertEquals(200, mirror.instances().size());
    }

    @Test
    void mirrorWaitsForARedisThatIsDownAtStart() throws Exception {
        try (LocalRedisServer late = LocalRedisServer.prepare(List.of())) {
            FleetMirror mirror = mirror(late.uri());
            awaitState(mirror, ConnectionState.DISCONNECTED, Duration.ofSeconds(3));
            assertTrue(mirror.stats().reason().contains("cannot reach Redis"), mirror.stats().reason());
            late.restart();
            try (RedisClient client = RedisClient.create(late.uri()); StatefulRedisConnection<String, String> c = client.connect()) {
                Fixtures.instance(c.sync(), "running");
            }
            awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(6));
            awaitEqual(mirror, late.uri(), Duration.ofSeconds(3));
            assertEquals(1, mirror.instances().size());
            closeAll();
            open.clear();
        }
    }

    @Test
    void mirrorPollsWhenItMayNotEnableNotifications() {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        r.aclSetuser("viewer", io.lettuce.core.AclSetuserArgs.Builder.on().addPassword("secret").allKeys().allChannels()
                .allCommands().removeCommand(io.lettuce.core.protocol.CommandType.CONFIG));
        FleetMirror mirror = mirror("redis://viewer:secret@127.0.0.1:" + REDIS.server().port() + "/0");
        awaitState(mirror, ConnectionState.POLLING, Duration.ofSeconds(8));
        assertTrue(mirror.stats().reason().toLowerCase().contains("config") || mirror.stats().reason().contains("events"), mirror.stats().reason());
        r.hset("instance_metrics:" + id, Map.of("cpu_usage", "12.5"));
        String added = Fixtures.instance(r, "crashed");
        awaitEqual(mirror, REDIS.uri(), Duration.ofSeconds(5));
        assertTrue(mirror.instances().containsKey(added));
        assertEquals("", r.configGet("notify-keyspace-events").get("notify-keyspace-events"));
    }

    @Test
    void aUserWhoMayNotRunScriptsStillGetsTheWholeFleetAndItsChanges() {
        RedisCommands<String, String> r = REDIS.redis();
        for (int k = 0; k < 5; k++) {
            Fixtures.instance(r, k == 0 ? "crashed" : "running");
        }
        r.aclSetuser("noscripts", io.lettuce.core.AclSetuserArgs.Builder.on().addPassword("secret").allKeys().allChannels()
                .allCommands().removeCategory(io.lettuce.core.AclCategory.SCRIPTING));
        FleetMirror mirror = mirror("redis://noscripts:secret@127.0.0.1:" + REDIS.server().port() + "/0");
        awaitState(mirror, ConnectionState.LIVE, Duration.ofSeconds(8));
        awaitEqual(mirror, REDIS.uri(), Duration.ofSeconds(5));
        String added = Fixtures.instance(r, "stopped");
        r.hset("instance_metrics:" + added, Map.of("cpu_usage", "77.5"));
        awaitEqual(mirror, REDIS.uri(), Duration.ofSeconds(5));
        assertEquals(77.5, mirror.get(added).metrics().cpuUsage());
    }
}
