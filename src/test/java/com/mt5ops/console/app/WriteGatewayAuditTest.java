package com.mt5ops.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.AuditEntry;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit trail the detail pane shows: every entry for the instance still in `console:audit`, kept current cheaply. */
class WriteGatewayAuditTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static String entry(RedisCommands<String, String> r, String id, String to) {
        return r.xadd(KeySchema.AUDIT_STREAM, Map.of("instance_id", id, "from", "running", "to", to, "reason", "r",
                "restart_count", "", "operator", "alice", "redis_user", "operator1", "host", "h", "time", "2026-01-01T00:00:00Z"));
    }

    private static void others(RedisCommands<String, String> r, int n) {
        // Pipelined: thousands of entries for other instances, newer than the one under test.
        var async = r.getStatefulConnection().async();
        List<io.lettuce.core.RedisFuture<String>> sent = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            sent.add(async.xadd(KeySchema.AUDIT_STREAM, Map.of("instance_id", Fixtures.newId(), "from", "running", "to", "stopped")));
        }
        sent.forEach(f -> f.toCompletableFuture().join());
    }

    private static long xrangeCalls(RedisCommands<String, String> r) {
        return r.info("commandstats").lines().filter(l -> l.startsWith("cmdstat_xrange:")).findFirst()
                .map(l -> Long.parseLong(l.substring(l.indexOf("calls=") + 6, l.indexOf(',', l.indexOf("calls="))))).orElse(0L);
    }

    @Test
    void entriesOlderThanThousandsOfOthersStillShow() {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.newId();
        String first = entry(r, id, "stopped");
        others(r, 2_500);
        try (RedisConnector connector = new RedisConnector(RedisEndpoint.parse(REDIS.uri()));
             WriteGateway gateway = new WriteGateway(connector, new TransitionTable(), Runnable::run)) {
            List<AuditEntry> trail = gateway.audit(id).join();
            assertEquals(1, trail.size(), "the old entry is still in the stream, so it is shown");
            AuditEntry e = trail.get(0);
            assertEquals(first, e.streamId());
            assertEquals("alice", e.operator());
            assertEquals("operator1", e.redisUser());
            assertEquals("2026-01-01T00:00:00Z", e.time());
        }
    }

    @Test
    void trailGrowsFromTheLastEntrySeenWithoutRereadingTheStream() {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.newId();
        entry(r, id, "stopped");
        others(r, 5_000);
        try (RedisConnector connector = new RedisConnector(RedisEndpoint.parse(REDIS.uri()));
             WriteGateway gateway = new WriteGateway(connector, new TransitionTable(), Runnable::run)) {
            assertEquals(1, gateway.audit(id).join().size());
            String newer = entry(r, id, "running");
            others(r, 10);
            r.configResetstat();
            List<AuditEntry> trail = gateway.audit(id).join();
            assertEquals(2, trail.size());
            assertEquals(newer, trail.get(0).streamId(), "newest first");
            assertTrue(xrangeCalls(r) <= 3, "a click reads only what is new, not the 5,000 entries: " + xrangeCalls(r) + " XRANGE calls");
        }
    }

    @Test
    void trimmedEntriesDropOutAndAReplacedStreamIsReadAgain() {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.newId();
        entry(r, id, "stopped");
        entry(r, id, "running");
        try (RedisConnector connector = new RedisConnector(RedisEndpoint.parse(REDIS.uri()));
             WriteGateway gateway = new WriteGateway(connector, new TransitionTable(), Runnable::run)) {
            assertEquals(2, gateway.audit(id).join().size());
            r.xtrim(KeySchema.AUDIT_STREAM, 1);
            List<AuditEntry> trimmed = gateway.audit(id).join();
            assertEquals(1, trimmed.size(), "the trimmed entry is gone from the stream, so from the trail");
            assertEquals("running", trimmed.get(0).to());

            r.del(KeySchema.AUDIT_STREAM);
            r.xadd(KeySchema.AUDIT_STREAM, new XAddArgs().id("1-1"), Map.of("instance_id", id, "from", "crashed", "to", "restarting"));
            List<AuditEntry> replaced = gateway.audit(id).join();
            assertEquals(1, replaced.size());
            assertEquals("1-1", replaced.get(0).streamId(), "a stream replaced by older ids is read afresh");
        }
    }
}
