package com.mt5ops.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.ExpectedState;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.sync.ConnectionState;
import com.mt5ops.console.sync.FleetMirror;
import com.mt5ops.console.sync.MirrorConfig;
import com.mt5ops.console.testing.Await;
import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.MirrorCompare;
import com.mt5ops.console.testing.SentinelSetup;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SENTINEL FAILOVER in the middle of a write storm and of operator transitions, on real servers (a master, a replica,
 * three sentinels): the mirror moves to the new master at once, and every transition reported done is on the new
 * master with its audit entry. A demoted master stays writable for about ten seconds, until Sentinel reconfigures it:
 * whatever is written there meanwhile is lost, and nothing the console reports as done may be among it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SentinelFailoverTest {
    @TempDir
    Path dir;

    private SentinelSetup setup;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicBoolean stop = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        setup = SentinelSetup.start(dir);
    }

    @AfterEach
    void stopAll() throws Exception {
        stop.set(true);
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        setup.close();
    }

    /** What one transition reported, its exit code, and when it started (System.nanoTime). */
    private record Reported(String id, String path, Outcome outcome, int exit, String message, long startedAt) {
    }

    @Test
    void aFailoverMovesTheMirrorAtOnceAndEveryTransitionReportedDoneIsOnTheNewMaster() throws Exception {
        int oldMaster = setup.firstMaster();
        List<String> fleet = new ArrayList<>();
        try (StatefulRedisConnection<String, String> c = setup.connect(oldMaster)) {
            for (int k = 0; k < 450; k++) {
                fleet.add(Fixtures.instance(c.sync(), "running"));
            }
        }
        AtomicLong switchedAt = new AtomicLong();
        listenForTheSwitch(switchedAt, new AtomicLong());

        RedisConnector connector = new RedisConnector(RedisEndpoint.parse(setup.uri()));
        open.add(connector);
        FleetMirror mirror = new FleetMirror(connector, new InstanceParser(FreshnessPolicy.defaults()), MirrorConfig.defaults(), Clock.systemUTC());
        open.add(mirror);
        Map<String, Long> masterSeenAt = new ConcurrentHashMap<>();
        mirror.addListener(b -> {
            if (b.stats().state() == ConnectionState.LIVE) {
                masterSeenAt.putIfAbsent(b.stats().master(), System.nanoTime());
            }
        });
        mirror.start();
        Await.until(Duration.ofSeconds(10), () -> mirror.stats().state() == ConnectionState.LIVE, () -> "" + mirror.stats());
        Await.until(Duration.ofSeconds(5), () -> MirrorCompare.difference(mirror, setup.uri()) == null, () -> MirrorCompare.difference(mirror, setup.uri()));
        assertEquals("127.0.0.1:" + oldMaster, mirror.stats().master());

        // The window's write path, on the mirror's connector as in the GUI, with its writer open before the failover.
        WriteGateway gateway = new WriteGateway(connector, new TransitionTable(), threads);
        open.add(gateway);
        // more than the paced loops get through before the test stops them: they run until then
        List<String> viaGateway = fleet.subList(0, 150);
        List<String> viaCli = fleet.subList(150, 300);
        Set<String> touched = ConcurrentHashMap.newKeySet();
        assertEquals(Outcome.DONE, gateway.apply(toStopped(viaGateway.get(0))).join().outcome());
        touched.add(viaGateway.get(0));

        AtomicLong written = new AtomicLong();
        CompletableFuture<Void> storm = CompletableFuture.runAsync(() -> writeStorm(fleet.subList(300, 450), written), threads);
        List<Reported> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Void> gui = CompletableFuture.runAsync(() -> {
            for (String id : viaGateway.subList(1, viaGateway.size())) {
                if (stop.get()) {
                    return;
                }
                touched.add(id);
                long started = System.nanoTime();
                TransitionResult r = gateway.apply(toStopped(id)).join();
                reported.add(new Reported(id, "gateway", r.outcome(), r.outcome().exitCode(), r.message(), started));
                pause(60);
            }
        }, threads);
        CompletableFuture<Void> cli = CompletableFuture.runAsync(() -> {
            for (String id : viaCli) {
                if (stop.get()) {
                    return;
                }
                touched.add(id);
                long started = System.nanoTime();
                CliRun run = CliRun.of("transition", "--redis", setup.uri(), "--id", id, "--from", "running", "--to", "stopped",
                        "--reason", "failover test");
                reported.add(new Reported(id, "cli", outcomeOf(run.exitCode(), run.err()), run.exitCode(), run.out() + run.err(), started));
                assertTrue(run.errLines() <= 1, run.err());
                pause(100);
            }
        }, threads);

        Await.until(Duration.ofSeconds(10), () -> written.get() > 2_000 && reported.size() >= 5, () -> "storm " + written + ", " + reported.size());
        setup.failover();
        int newMaster = setup.awaitNewMaster(oldMaster, Duration.ofSeconds(10));
        Await.until(Duration.ofSeconds(5), () -> switchedAt.get() != 0, () -> "no +switch-master heard");
        String newAddress = "127.0.0.1:" + newMaster;
        // Something only the new master has: the mirror must be reading it within a few seconds of the switch.
        String marker = Fixtures.newId();
        try (StatefulRedisConnection<String, String> c = setup.connect(newMaster)) {
            Fixtures.instance(c.sync(), marker, "crashed");
        }
        Await.until(Duration.ofSeconds(3), () -> mirror.get(marker) != null, () -> "the mirror is not on the new master: " + mirror.stats());
        Await.until(Duration.ofSeconds(3), () -> masterSeenAt.containsKey(newAddress), () -> "never LIVE on " + newAddress + ": " + mirror.stats());
        long followMs = (masterSeenAt.get(newAddress) - switchedAt.get()) / 1_000_000;
        System.out.printf("switch -> mirror LIVE on the new master: %d ms; %d storm writes so far%n", followMs, written.get());
        assertTrue(followMs < 3_000, "followed after " + followMs + " ms");

        pause(3_000); // transitions go on against the new master (the old one still writable meanwhile)
        stop.set(true);
        storm.join();
        gui.join();
        cli.join();

        try (StatefulRedisConnection<String, String> c = setup.connect(newMaster)) {
            RedisCommands<String, String> r = c.sync();
            Set<String> audited = r.xrange(KeySchema.AUDIT_STREAM, Range.create("-", "+")).stream()
                    .filter(e -> "stopped".equals(e.getBody().get("to"))).map(e -> e.getBody().get("instance_id")).collect(Collectors.toSet());
            List<Reported> done = reported.stream().filter(x -> x.outcome() == Outcome.DONE).toList();
            assertTrue(done.size() >= 5, "some transitions were done: " + reported);
            for (Reported d : done) {
                assertEquals("stopped", r.hget(KeySchema.instanceKey(d.id()), "state"), d + " is on the new master");
                assertTrue(audited.contains(d.id()), d + " has its audit entry on the new master");
            }
            for (Reported x : reported) {
                assertTrue(Set.of(0, 5, 7).contains(x.exit()) && x.outcome() != Outcome.SERVER_ERROR, x.toString());
            }
            // Started after the switch and written (done, or not yet replicated): on the new master, not the demoted one.
            List<Reported> later = reported.stream().filter(x -> x.startedAt() > switchedAt.get() + 500_000_000L
                    && (x.outcome() == Outcome.DONE || x.outcome() == Outcome.NOT_REPLICATED)).toList();
            assertTrue(later.stream().anyMatch(x -> x.path().equals("gateway")) && later.stream().anyMatch(x -> x.path().equals("cli")),
                    "transitions went on after the switch through both paths: " + reported);
            for (Reported x : later) {
                assertEquals("stopped", r.hget(KeySchema.instanceKey(x.id()), "state"), x + " is on the new master");
                assertTrue(audited.contains(x.id()), x + " has its audit entry on the new master");
            }
            System.out.printf("transitions: %s%n", reported.stream().collect(Collectors.groupingBy(x -> x.path() + " " + x.outcome(), Collectors.counting())));
        }
        Await.until(Duration.ofSeconds(10), () -> MirrorCompare.difference(mirror, setup.uri()) == null,
                () -> MirrorCompare.difference(mirror, setup.uri()));
        assertEquals(newAddress, mirror.stats().master());
        assertEquals(ConnectionState.LIVE, mirror.stats().state());
        assertFalse(touched.isEmpty());
    }

    @Test
    void aTransitionAgainstAFrozenMasterIsNeverReportedDone() throws Exception {
        int oldMaster = setup.firstMaster();
        String viaCli;
        String viaGateway;
        String warmUp;
        try (StatefulRedisConnection<String, String> c = setup.connect(oldMaster)) {
            viaCli = Fixtures.instance(c.sync(), "running");
            viaGateway = Fixtures.instance(c.sync(), "running");
            warmUp = Fixtures.instance(c.sync(), "running");
        }
        RedisConnector connector = new RedisConnector(RedisEndpoint.parse(setup.uri()));
        open.add(connector);
        WriteGateway gateway = new WriteGateway(connector, new TransitionTable(), threads);
        open.add(gateway);
        assertEquals(Outcome.DONE, gateway.apply(toStopped(warmUp)).join().outcome(), "the window's writer is open on the master");

        setup.signal("STOP", oldMaster);
        long frozenAt = System.nanoTime();
        CompletableFuture<Long> cliEnded;
        CliRun.Running cli;
        CompletableFuture<TransitionResult> gui;
        int newMaster;
        try {
            cli = CliRun.start("transition", "--redis", setup.uri(), "--id", viaCli, "--to", "stopped", "--reason", "frozen");
            cliEnded = cli.result().thenApply(r -> System.nanoTime());
            gui = gateway.apply(toStopped(viaGateway));
            newMaster = setup.awaitNewMaster(oldMaster, Duration.ofSeconds(15)); // Sentinel fails over meanwhile
        } finally {
            setup.signal("CONT", oldMaster); // back as a master that no longer is one, until Sentinel reconfigures it
        }
        CliRun run = cli.result().get(30, TimeUnit.SECONDS);
        long cliMs = (cliEnded.get() - frozenAt) / 1_000_000;
        System.out.printf("transition against the frozen master: exit %d after %d ms: %s%n", run.exitCode(), cliMs, run.err().trim());
        assertTrue(run.exitCode() == 5 || run.exitCode() == 7, "exit " + run.exitCode() + ": " + run.out() + run.err());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(cliMs < 6_000, "ended within the write timeout (3 s) and the sentinels' answer: " + cliMs + " ms");
        TransitionResult g = gui.get(30, TimeUnit.SECONDS);
        assertTrue(g.outcome() == Outcome.UNAVAILABLE || g.outcome() == Outcome.NOT_REPLICATED, g.toString());

        try (StatefulRedisConnection<String, String> c = setup.connect(newMaster)) {
            RedisCommands<String, String> r = c.sync();
            assertEquals("running", r.hget(KeySchema.instanceKey(viaCli), "state"));
            Set<String> audited = r.xrange(KeySchema.AUDIT_STREAM, Range.create("-", "+")).stream()
                    .map(e -> e.getBody().get("instance_id")).collect(Collectors.toSet());
            assertFalse(audited.contains(viaCli), "no audit entry for a change that was not made");
            // The window's next click goes to the new master (a first one may be told to try again).
            TransitionResult next = gateway.apply(toStopped(viaGateway)).join();
            if (next.outcome() == Outcome.UNAVAILABLE) {
                next = gateway.apply(toStopped(viaGateway)).join();
            }
            assertTrue(next.outcome() == Outcome.DONE || next.outcome() == Outcome.NOT_REPLICATED, next.toString());
            assertEquals("stopped", r.hget(KeySchema.instanceKey(viaGateway), "state"), "written on the new master");
            assertTrue(next.message().contains("127.0.0.1:" + newMaster) || next.outcome() == Outcome.DONE, next.message());
        }
    }

    @Test
    void simulateAndWatchRideOutAFailover() throws Exception {
        int oldMaster = setup.firstMaster();
        AtomicLong switchedAt = new AtomicLong();
        AtomicLong switchedWallMs = new AtomicLong();
        listenForTheSwitch(switchedAt, switchedWallMs);
        CliRun.Running watch = CliRun.start("watch", "--redis", setup.uri(), "--seconds", "16", "--format", "jsonl");
        CliRun.Running sim = CliRun.start("simulate", "--redis", setup.uri(), "--instances", "100", "--rate", "300", "--seconds", "15");
        Await.until(Duration.ofSeconds(10), () -> sim.outSoFar().contains("seeded"), () -> "simulate did not seed: " + sim.outSoFar());
        Await.until(Duration.ofSeconds(10), () -> watch.outSoFar().contains("\"connection\":\"LIVE\""), () -> "watch is not live");
        pause(1_500);
        setup.failover();
        int newMaster = setup.awaitNewMaster(oldMaster, Duration.ofSeconds(10));
        Await.until(Duration.ofSeconds(5), () -> switchedAt.get() != 0, () -> "no +switch-master heard");
        long switchedMs = switchedWallMs.get();

        CliRun simRun = sim.result().get(60, TimeUnit.SECONDS);
        assertEquals(0, simRun.exitCode(), simRun.out() + simRun.err());
        assertTrue(simRun.err().isBlank(), simRun.err());
        CliRun watchRun = watch.result().get(60, TimeUnit.SECONDS);
        assertEquals(0, watchRun.exitCode(), watchRun.err());
        String switchLine = watchRun.out().lines().filter(l -> l.contains("master switched to 127.0.0.1:" + newMaster + " (Sentinel)"))
                .findFirst().orElse(null);
        assertTrue(switchLine != null && switchLine.contains("\"connection\":\"RECONNECTING\""), "no switch line in watch's stream");
        long shownMs = Long.parseLong(switchLine.replaceAll(".*\"applied_at_ms\":(\\d+).*", "$1"));
        System.out.printf("watch showed the switch %d ms after +switch-master%n", shownMs - switchedMs);
        assertTrue(shownMs - switchedMs < 3_000, "watch showed the switch after " + (shownMs - switchedMs) + " ms");

        try (StatefulRedisConnection<String, String> c = setup.connect(newMaster)) {
            RedisCommands<String, String> r = c.sync();
            String newest = r.smembers(com.mt5ops.console.sim.SimulatedMarker.KEY).stream()
                    .map(id -> r.hget(KeySchema.metricsKey(id), "last_updated_at")).filter(t -> t != null).max(String::compareTo).orElse("");
            assertTrue(java.time.Instant.parse(newest).toEpochMilli() >= switchedMs + 5_000,
                    "simulate kept writing to the new master after the switch: newest update there " + newest);
        }
    }

    private static TransitionRequest toStopped(String id) {
        return new TransitionRequest(id, ExpectedState.is("running"), InstanceState.STOPPED, false, "alice", "test-host", "failover test");
    }

    private static Outcome outcomeOf(int exit, String err) {
        return switch (exit) {
            case 0 -> Outcome.DONE;
            case 5 -> Outcome.UNAVAILABLE;
            case 7 -> err.contains("may be lost") ? Outcome.NOT_REPLICATED : Outcome.SERVER_ERROR;
            default -> Outcome.NOT_ALLOWED; // any other exit fails the check below
        };
    }

    /** Another system writing instance metrics as fast as it can, following the master through Lettuce's own Sentinel support. */
    private void writeStorm(List<String> ids, AtomicLong written) {
        RedisClient client = RedisClient.create(RedisURI.create(setup.uri()));
        try {
            StatefulRedisConnection<String, String> c = client.connect();
            c.setAutoFlushCommands(false);
            RedisAsyncCommands<String, String> a = c.async();
            long n = 0;
            while (!stop.get()) {
                List<io.lettuce.core.RedisFuture<Long>> batch = new ArrayList<>();
                for (int k = 0; k < 50; k++) {
                    String id = ids.get((int) (n++ % ids.size()));
                    batch.add(a.hset(KeySchema.metricsKey(id), Map.of("cpu_usage", Long.toString(n % 100), "last_updated_at", Fixtures.now())));
                }
                c.flushCommands();
                try {
                    batch.forEach(f -> f.toCompletableFuture().join());
                    written.addAndGet(batch.size());
                } catch (RuntimeException lost) {
                    pause(50); // the old master dropped us; Lettuce reconnects through the sentinels
                }
                pause(5);
            }
            c.close();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    /** The first +switch-master a sentinel announces: System.nanoTime() into {@code at}, the wall clock into {@code atWallMs}. */
    private void listenForTheSwitch(AtomicLong at, AtomicLong atWallMs) {
        RedisClient client = RedisClient.create();
        StatefulRedisPubSubConnection<String, String> p = client.connectPubSub(RedisURI.create("127.0.0.1", setup.sentinelPorts().get(1)));
        p.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                if (at.compareAndSet(0, System.nanoTime())) {
                    atWallMs.set(System.currentTimeMillis());
                }
            }
        });
        p.sync().subscribe("+switch-master");
        open.add(() -> client.shutdown(Duration.ZERO, Duration.ofSeconds(1)));
    }

    private static void pause(long ms) {
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ms));
    }
}
