package com.mt5ops.console.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.redis.Capabilities;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.testing.AclRecipes;
import com.mt5ops.console.testing.Await;
import com.mt5ops.console.testing.CommandStats;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.MirrorCompare;
import com.mt5ops.console.testing.Monitor;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A console that was not told it is read-only learns it from the server at start: run as the README's viewer, its
 * mirror sends nothing the server denies (the ACL log stays empty), no script, no CONFIG, no probe key, and a quiet
 * fleet stays LIVE without being re-read every 2 s.
 */
class ViewerMirrorTest {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.withNotifications();

    @Test
    void aDetectedViewerIsDeniedNothingAndAQuietFleetStaysLiveWithoutReReads() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        String uri = AclRecipes.create(REDIS, AclRecipes.VIEWER);
        r.aclLogReset();
        r.configResetstat();
        try (Monitor monitor = new Monitor(REDIS.server().port()); RedisConnector connector = new RedisConnector(RedisEndpoint.parse(uri));
             FleetMirror mirror = new FleetMirror(connector, new InstanceParser(FreshnessPolicy.defaults()), MirrorConfig.defaults(),
                     Clock.systemUTC())) {
            mirror.start();
            Capabilities caps = mirror.access().capabilities().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertFalse(caps.mayTransition(), caps.toString());
            Await.until(Duration.ofSeconds(10), () -> mirror.stats().state() == ConnectionState.LIVE, () -> "state " + mirror.stats());
            assertEquals(Liveness.UNVERIFIED, mirror.stats().basis(), "a viewer may not read the flags nor write a probe");
            Await.holds(Duration.ofSeconds(3), () -> mirror.stats().state() == ConnectionState.LIVE, () -> "state " + mirror.stats());
            assertEquals(1, mirror.stats().resyncs(), "a quiet fleet is not re-read every 2 s");
            r.hset("instance_metrics:" + id, Map.of("cpu_usage", "61.5"));
            Await.until(Duration.ofSeconds(3), () -> Liveness.EVENTS.equals(mirror.stats().basis()), () -> "basis " + mirror.stats().basis());
            Await.until(Duration.ofSeconds(3), () -> MirrorCompare.difference(mirror, REDIS.uri()) == null,
                    () -> MirrorCompare.difference(mirror, REDIS.uri()));
            assertEquals(List.of(), r.aclLog(), "the server denied the viewer's console something");
            for (String command : List.of("eval", "evalsha", "config|get", "config|set", "del")) {
                assertEquals(0, CommandStats.calls(r, command), command + " was sent");
            }
            assertEquals(1, CommandStats.calls(r, "hset"), "only the test's own write");
            assertFalse(monitor.all().stream().anyMatch(l -> l.contains("console:probe")), "no probe key, no probe subscription");
        }
    }
}
