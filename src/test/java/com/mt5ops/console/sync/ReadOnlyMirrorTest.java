package com.mt5ops.console.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.testing.Await;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.MirrorCompare;
import com.mt5ops.console.testing.Monitor;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A read-only mirror sends no write command at all, proven by the server itself: it runs as a user denied every
 * write (and CONFIG SET), whose ACL log must stay empty, while MONITOR watches for probe keys and CONFIG SET.
 */
class ReadOnlyMirrorTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static String watcherUri() {
        RedisCommands<String, String> r = REDIS.redis();
        REDIS.call("ACL", "SETUSER", "watcher", "reset", "on", ">pw", "~*", "&*", "+@all", "-@write", "-config|set");
        r.aclLogReset();
        return "redis://watcher:pw@127.0.0.1:" + REDIS.server().port() + "/0";
    }

    private static FleetMirror readOnlyMirror(RedisConnector connector) {
        FleetMirror m = new FleetMirror(connector, new InstanceParser(FreshnessPolicy.defaults()), MirrorConfig.defaults(),
                Clock.systemUTC(), MirrorRights.READ_ONLY);
        m.start();
        return m;
    }

    @Test
    void withNotificationsOffItPollsAndNeverTriesToChangeTheServer() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        String uri = watcherUri();
        try (Monitor monitor = new Monitor(REDIS.server().port()); RedisConnector connector = new RedisConnector(RedisEndpoint.parse(uri));
             FleetMirror mirror = readOnlyMirror(connector)) {
            Await.until(Duration.ofSeconds(8), () -> mirror.stats().state() == ConnectionState.POLLING, () -> "state " + mirror.stats());
            assertTrue(mirror.stats().reason().contains("lack"), mirror.stats().reason());
            r.hset("instance_metrics:" + id, Map.of("cpu_usage", "42.5"));
            Await.until(Duration.ofSeconds(5), () -> MirrorCompare.difference(mirror, REDIS.uri()) == null,
                    () -> MirrorCompare.difference(mirror, REDIS.uri()));
            assertEquals(List.of(), r.aclLog(), "the server denied the read-only console something");
            assertEquals(List.of(), monitor.commands("CONFIG\" \"SET", "CONFIG\" \"set", "HSET\" \"console:probe", "DEL\" \"console:probe"));
            assertEquals("", r.configGet("notify-keyspace-events").get("notify-keyspace-events"));
        }
    }

    @Test
    void withNotificationsOnAQuietFleetIsLiveOnTheServersFlagsAndEventsUpgradeIt() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        r.configSet("notify-keyspace-events", "Kghsx");
        String id = Fixtures.instance(r, "running");
        String uri = watcherUri();
        try (Monitor monitor = new Monitor(REDIS.server().port()); RedisConnector connector = new RedisConnector(RedisEndpoint.parse(uri));
             FleetMirror mirror = readOnlyMirror(connector)) {
            Await.until(Duration.ofSeconds(10), () -> mirror.stats().state() == ConnectionState.LIVE, () -> "state " + mirror.stats());
            assertEquals("notifications on, no event yet; reconciled every 30 s", mirror.stats().basis());
            Await.holds(Duration.ofSeconds(3), () -> mirror.stats().state() == ConnectionState.LIVE, () -> "state " + mirror.stats());
            assertEquals(1, mirror.stats().resyncs(), "a quiet fleet is not re-read every 2 s");
            r.hset("instance_metrics:" + id, Map.of("cpu_usage", "77.5"));
            Await.until(Duration.ofSeconds(3), () -> "keyspace events seen".equals(mirror.stats().basis()), () -> "basis " + mirror.stats().basis());
            Await.until(Duration.ofSeconds(3), () -> MirrorCompare.difference(mirror, REDIS.uri()) == null,
                    () -> MirrorCompare.difference(mirror, REDIS.uri()));
            assertEquals(List.of(), r.aclLog(), "the server denied the read-only console something");
            assertEquals(List.of(), monitor.commands("HSET\" \"console:probe", "DEL\" \"console:probe", "CONFIG\" \"SET", "CONFIG\" \"set"));
            assertTrue(monitor.all().stream().anyMatch(l -> l.contains("\"PING\"")), "the heartbeat is there (and is no write)");
        }
    }
}
