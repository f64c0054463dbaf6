package com.mt5ops.console.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.testing.Await;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.MirrorCompare;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mirror's start: the fleet read while it connects, and the changes made meanwhile. */
class MirrorStartTest {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.withNotifications();

    /** Full reads of the fleet Redis has served since its stats were reset (each one SCANs the keyspace once). */
    private static long scans(RedisCommands<String, String> r) {
        for (String line : r.info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_scan:")) {
                return Long.parseLong(line.replaceAll("^cmdstat_scan:calls=(\\d+),.*", "$1"));
            }
        }
        return 0;
    }

    private void startWhileWriting(boolean notificationsOn, long expectedScans) throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        if (!notificationsOn) {
            r.configSet("notify-keyspace-events", "");
        }
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            ids.add(Fixtures.instance(r, "running"));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        List<String> added = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread writer = new Thread(() -> {
            try (var c = io.lettuce.core.RedisClient.create(REDIS.uri()).connect()) {
                for (int n = 0; writing.get(); n = writes.incrementAndGet()) {
                    c.sync().hset("instance_metrics:" + ids.get(n % ids.size()), Map.of("cpu_usage", Integer.toString(n % 100)));
                    if (n % 200 == 0) {
                        added.add(Fixtures.instance(c.sync(), "crashed"));
                    }
                }
            }
        }, "writer");
        r.configResetstat();
        writer.start();
        RedisConnector connector = new RedisConnector(RedisEndpoint.parse(REDIS.uri()));
        // consent to enable the flags (--enable-notifications): the second case starts with them off
        try (connector; FleetMirror mirror = new FleetMirror(connector, new InstanceParser(FreshnessPolicy.defaults()),
                MirrorConfig.defaults(), Clock.systemUTC(), MirrorRights.of(false, true))) {
            mirror.start();
            Await.until(Duration.ofSeconds(10), () -> mirror.stats().state() == ConnectionState.LIVE, () -> "state " + mirror.stats());
            int atLive = writes.get();
            Await.until(Duration.ofSeconds(5), () -> writes.get() >= atLive + 500, () -> "writes after LIVE: " + (writes.get() - atLive));
            writing.set(false);
            writer.join();
            assertEquals(expectedScans, scans(r), "full reads of the fleet at start");
            // within seconds, long before the 30 s reconciliation could cover a lost change
            Await.until(Duration.ofSeconds(5), () -> MirrorCompare.difference(mirror, REDIS.uri()) == null,
                    () -> MirrorCompare.difference(mirror, REDIS.uri()));
            assertEquals(1, mirror.stats().resyncs());
            assertEquals(true, added.size() > 0 && added.stream().allMatch(id -> mirror.get(id) != null));
        }
    }

    @Test
    void withNotificationsOnTheFleetIsReadOnceAndNoChangeMadeMeanwhileIsLost() throws Exception {
        startWhileWriting(true, 1);
    }

    @Test
    void withNotificationsOffAtFirstAndConsentItReadsAgainOnceItHasEnabledThemAndStillLosesNothing() throws Exception {
        startWhileWriting(false, 2);
    }

    @Test
    void whileTheClientWaitsForTheWindowTheFleetIsThereAndNothingWrittenMeanwhileIsLost() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            ids.add(Fixtures.instance(r, "running"));
        }
        r.configResetstat();
        java.util.concurrent.CompletableFuture<Void> picture = new java.util.concurrent.CompletableFuture<>();
        RedisConnector connector = new RedisConnector(RedisEndpoint.parse(REDIS.uri()));
        try (connector; FleetMirror mirror = new FleetMirror(connector, new InstanceParser(FreshnessPolicy.defaults()),
                MirrorConfig.defaults(), Clock.systemUTC())) {
            mirror.start(picture, Duration.ofSeconds(30));
            Await.until(Duration.ofSeconds(10), () -> mirror.instances().size() == 300, () -> mirror.instances().size() + " instances");
            String changed = ids.get(7);
            r.hset("instance_metrics:" + changed, Map.of("cpu_usage", "99.5"));
            String added = Fixtures.instance(r, "crashed");
            // the window has its picture; the client waits for it to be drawn, so the state says CONNECTING
            Await.holds(Duration.ofMillis(1500), () -> mirror.stats().state() == ConnectionState.CONNECTING
                    && mirror.get(added) == null, () -> "state " + mirror.stats().state() + ", added instance in the mirror: " + (mirror.get(added) != null));
            picture.complete(null);
            Await.until(Duration.ofSeconds(10), () -> mirror.stats().state() == ConnectionState.LIVE, () -> "state " + mirror.stats());
            assertEquals(1, scans(r), "full reads of the fleet at start");
            Await.until(Duration.ofSeconds(5), () -> MirrorCompare.difference(mirror, REDIS.uri()) == null,
                    () -> MirrorCompare.difference(mirror, REDIS.uri()));
            assertEquals(99.5, mirror.get(changed).metrics().cpuUsage());
        }
    }

    @Test
    void aWindowThatNeverDrawsHoldsTheClientOnlyUntilTheLimit() throws Exception {
        Fixtures.instance(REDIS.redis(), "running");
        RedisConnector connector = new RedisConnector(RedisEndpoint.parse(REDIS.uri()));
        try (connector; FleetMirror mirror = new FleetMirror(connector, new InstanceParser(FreshnessPolicy.defaults()),
                MirrorConfig.defaults(), Clock.systemUTC())) {
            mirror.start(new java.util.concurrent.CompletableFuture<Void>(), Duration.ofMillis(300));
            Await.until(Duration.ofSeconds(10), () -> mirror.stats().state() == ConnectionState.LIVE, () -> "state " + mirror.stats());
        }
    }

    @Test
    void anEmptyFleetHasNoPictureToWaitForSoTheClientConnectsAtOnce() throws Exception {
        RedisConnector connector = new RedisConnector(RedisEndpoint.parse(REDIS.uri()));
        try (connector; FleetMirror mirror = new FleetMirror(connector, new InstanceParser(FreshnessPolicy.defaults()),
                MirrorConfig.defaults(), Clock.systemUTC())) {
            mirror.start(new java.util.concurrent.CompletableFuture<Void>(), Duration.ofSeconds(30));
            Await.until(Duration.ofSeconds(10), () -> mirror.stats().state() == ConnectionState.LIVE, () -> "state " + mirror.stats());
        }
    }
}
