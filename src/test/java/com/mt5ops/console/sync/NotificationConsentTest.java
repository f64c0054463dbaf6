package com.mt5ops.console.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.redis.NotificationConfig;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.testing.Await;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.CommandStats;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console never changes the server's configuration on its own: it says the flags are missing and polls. */
class NotificationConsentTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private FleetMirror mirror(String uri, MirrorRights rights) {
        RedisConnector connector = new RedisConnector(RedisEndpoint.parse(uri));
        FleetMirror mirror = new FleetMirror(connector, new InstanceParser(FreshnessPolicy.defaults()), MirrorConfig.defaults(), Clock.systemUTC(), rights);
        open.add(connector);
        open.add(mirror);
        mirror.start();
        return mirror;
    }

    private static String flags() {
        return REDIS.redis().configGet("notify-keyspace-events").get("notify-keyspace-events");
    }

    @Test
    void withoutConsentItPollsSaysWhyAndNeverSendsConfigSetButOffersTheExactCommand() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        Fixtures.instance(r, "running");
        r.configSet("notify-keyspace-events", "E");
        r.configResetstat();
        FleetMirror mirror = mirror(REDIS.uri(), MirrorRights.NO_CONSENT);
        Await.until(Duration.ofSeconds(8), () -> mirror.stats().state() == ConnectionState.POLLING, () -> "state " + mirror.stats());
        String reason = mirror.stats().reason();
        assertTrue(reason.contains("lack Kghsx") && reason.contains("only with consent"), reason);
        mirror.requestResync(); // also checks the flags again: still no CONFIG SET
        Await.holds(Duration.ofSeconds(2), () -> mirror.stats().state() == ConnectionState.POLLING, () -> "state " + mirror.stats());
        assertEquals(0, CommandStats.calls(r, "config|set"));
        assertTrue(CommandStats.calls(r, "config|get") >= 2, "it did look, twice");
        assertEquals("E", flags());
        NotificationConfig.Fix fix = mirror.access().notificationFix().orElseThrow();
        assertEquals("CONFIG SET notify-keyspace-events EKghsx", fix.command());
    }

    @Test
    void theOfferedCommandIsSentOnlyWhenAskedAndOnlyIfTheFlagsAreStillWhatItWasMadeFrom() {
        RedisCommands<String, String> r = REDIS.redis();
        r.configSet("notify-keyspace-events", "E");
        FleetMirror mirror = mirror(REDIS.uri(), MirrorRights.NO_CONSENT);
        Await.until(Duration.ofSeconds(8), () -> mirror.access().notificationFix().isPresent(), () -> "state " + mirror.stats());
        NotificationConfig.Fix offered = mirror.access().notificationFix().orElseThrow();
        r.configSet("notify-keyspace-events", "Ex");
        IllegalStateException stale = assertThrows(IllegalStateException.class, () -> mirror.access().enableNotifications(offered));
        assertTrue(stale.getMessage().contains("changed meanwhile"), stale.getMessage());
        assertEquals("xE", flags(), "nothing was sent");
        Await.until(Duration.ofSeconds(8), () -> mirror.access().notificationFix().map(f -> f.current().equals("xE")).orElse(false),
                () -> "offer " + mirror.access().notificationFix());
        String done = mirror.access().enableNotifications(mirror.access().notificationFix().orElseThrow());
        assertTrue(done.startsWith("sent CONFIG SET notify-keyspace-events xEKghs"), done);
        assertTrue(NotificationConfig.satisfies(flags()) && flags().contains("E") && flags().contains("x"), flags());
        Await.until(Duration.ofSeconds(8), () -> mirror.stats().state() == ConnectionState.LIVE, () -> "state " + mirror.stats());
    }

    @Test
    void withConsentButNoRightToConfigSetItIsNeverSentAndTheServerDeniesNothing() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        r.configSet("notify-keyspace-events", "E");
        REDIS.call("ACL", "SETUSER", "noset", "reset", "on", ">pw", "~*", "&*", "+@all", "-config|set");
        r.aclLogReset();
        FleetMirror mirror = mirror("redis://noset:pw@127.0.0.1:" + REDIS.server().port() + "/0", MirrorRights.of(false, true));
        Await.until(Duration.ofSeconds(8), () -> mirror.stats().state() == ConnectionState.POLLING, () -> "state " + mirror.stats());
        assertTrue(mirror.stats().reason().contains("may not change it (CONFIG SET)"), mirror.stats().reason());
        assertEquals(List.of(), r.aclLog());
        assertEquals("E", flags());
        assertTrue(mirror.access().notificationFix().isEmpty(), "nothing to offer that it may not send");
    }
}
