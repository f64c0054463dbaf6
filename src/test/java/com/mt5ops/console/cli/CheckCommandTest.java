package com.mt5ops.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CheckCommandTest {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.withNotifications();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode check(String... extra) throws Exception {
        String[] args = new String[4 + extra.length];
        args[0] = "check";
        args[1] = "--redis";
        args[2] = REDIS.uri();
        args[3] = "--format=json";
        System.arraycopy(extra, 0, args, 4, extra.length);
        CliRun run = CliRun.of(args);
        JsonNode root = json.readTree(run.out());
        assertEquals(root.get("problems").isEmpty() ? 0 : 1, run.exitCode(), run.err());
        return root;
    }

    private static Set<String> codes(JsonNode root) {
        Set<String> out = new HashSet<>();
        root.get("problems").forEach(p -> out.add(p.get("code").asText()));
        return out;
    }

    @Test
    void cleanFleetHasNoProblemsAndExitsZero() throws Exception {
        Fixtures.instance(REDIS.redis(), "running");
        Fixtures.instance(REDIS.redis(), "crashed");
        JsonNode root = check();
        assertEquals(Set.of(), codes(root));
        assertEquals(2, root.get("summary").get("instances").asInt());
    }

    @Test
    void everyProblemCodeIsReported() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String missing = Fixtures.instance(r, "running");
        r.hdel("instance:" + missing, "broker_id");
        String invalid = Fixtures.instance(r, "running");
        r.hset("instance_metrics:" + invalid, "cpu_usage", "NaN");
        String skew = Fixtures.instance(r, "running");
        r.hset("instance_health:" + skew, "last_updated_at", "2999-01-01T00:00:00Z");
        Fixtures.instance(r, "node-7", "running");
        r.set("instance_metrics:" + Fixtures.newId(), "oops");
        String part = Fixtures.instance(r, "running");
        r.del("instance_health:" + part);
        r.hset("instance_metrics:" + Fixtures.newId(), Fixtures.metricsHash());
        String indexMissing = Fixtures.instance(r, "running");
        r.srem("instance:state:running", indexMissing);
        String indexExtra = Fixtures.instance(r, "stopped");
        r.sadd("instance:state:running", indexExtra);
        r.sadd("instance:state:crashed", Fixtures.newId());
        r.configSet("notify-keyspace-events", "Ex");

        JsonNode root = check();
        assertEquals(Set.of("FIELD_MISSING", "FIELD_INVALID", "CLOCK_SKEW", "ID_NOT_UUID", "KEY_WRONG_TYPE",
                "PART_MISSING", "ORPHAN", "INDEX_MISSING", "INDEX_EXTRA", "INDEX_DANGLING", "NOTIFICATIONS_OFF"), codes(root));
        for (JsonNode p : root.get("problems")) {
            if (p.get("code").asText().equals("NOTIFICATIONS_OFF")) {
                assertTrue(p.get("instance_id").isNull());
            } else {
                assertTrue(p.get("instance_id").isTextual(), p.toString());
            }
        }
        String flags = r.configGet("notify-keyspace-events").get("notify-keyspace-events");
        assertEquals(Set.of('E', 'x'), flags.chars().mapToObj(c -> (char) c).collect(java.util.stream.Collectors.toSet()), "check only reads the setting");
    }

    @Test
    void wronglyTypedStateSetIsAServerLevelProblem() throws Exception {
        REDIS.redis().set("instance:state:running", "all of them");
        JsonNode root = check();
        JsonNode p = root.get("problems").get(0);
        assertEquals("KEY_WRONG_TYPE", p.get("code").asText());
        assertTrue(p.get("instance_id").isNull());
        assertEquals("instance:state:running", p.get("key").asText());
    }

    @Test
    void repairRebuildsOnlyTheIndexSets() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String a = Fixtures.instance(r, "running");
        r.srem("instance:state:running", a);
        String b = Fixtures.instance(r, "stopped");
        r.sadd("instance:state:crashed", b);
        r.sadd("instance:state:restarting", Fixtures.newId());
        String bad = Fixtures.instance(r, "running");
        r.hset("instance_metrics:" + bad, "cpu_usage", "-1");
        r.sadd("instance:state:paused", bad);
        Map<String, Map<String, String>> hashesBefore = hashes(r);

        JsonNode repaired = check("--repair");
        assertEquals(Set.of("FIELD_INVALID"), codes(repaired), repaired.toString());
        assertEquals(hashesBefore, hashes(r), "no hash was touched");
        assertEquals(Set.of(a, bad), r.smembers("instance:state:running"));
        assertEquals(Set.of(b), r.smembers("instance:state:stopped"));
        assertEquals(0, r.exists("instance:state:crashed", "instance:state:restarting", "instance:state:paused"));
        assertEquals(4, repaired.get("summary").get("repaired_memberships").asInt());
    }

    @Test
    void aStateSetWithAnEmptyNameIsCheckedAndEmptiedByTheRepair() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String extra = Fixtures.instance(r, "running");
        String dangling = Fixtures.newId();
        r.sadd("instance:state:", extra, dangling);
        JsonNode before = check();
        assertEquals(Set.of("INDEX_EXTRA", "INDEX_DANGLING"), codes(before), before.toString());
        assertEquals(2, before.get("summary").get("instances").asInt());
        for (JsonNode p : before.get("problems")) {
            assertEquals("instance:state:", p.get("key").asText());
        }

        JsonNode repaired = check("--repair");
        assertEquals(Set.of(), codes(repaired), repaired.toString());
        assertEquals(2, repaired.get("summary").get("repaired_memberships").asInt());
        assertEquals(0, r.exists("instance:state:"));
        assertEquals(Set.of(extra), r.smembers("instance:state:running"));
    }

    @Test
    void theTableEscapesIdsAndQuotedValuesSoTheyCannotActOnTheTerminal() {
        RedisCommands<String, String> r = REDIS.redis();
        String spoofed = "node-\u202e7-edon";
        Fixtures.instance(r, spoofed, "running");
        String id = Fixtures.instance(r, "running");
        r.hset("instance_metrics:" + id, "cpu_usage", "\u001b]8;;http://evil.example\u0007click\u001b]8;;\u0007");
        r.hset("instance_health:" + id, "health_status", "ok\r\u001b[1A\u001b[2Kall clear");
        CliRun run = CliRun.of("check", "--redis", REDIS.uri());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == '\r' || c == 0x202e), run.out());
        assertTrue(run.out().contains("node-\\u202e7-edon"), run.out());
        assertTrue(run.out().contains("'\\x1b]8;;http://evil.example\\x07click"), run.out());
        assertTrue(run.out().contains("'ok\\x0d\\x1b[1A\\x1b[2Kall clear'"), run.out());
        assertEquals(4, run.out().lines().count(), "three problems and the summary, one line each: " + run.out());
    }

    private static Map<String, Map<String, String>> hashes(RedisCommands<String, String> r) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = r.scan(cursor, ScanArgs.Builder.limit(500));
            for (String key : page.getKeys()) {
                if (r.type(key).equals("hash")) {
                    out.put(key, r.hgetall(key));
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return out;
    }
}
