package com.mt5ops.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SnapshotCommandTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode snapshot() throws Exception {
        CliRun run = CliRun.of("snapshot", "--redis", REDIS.uri(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        return json.readTree(run.out());
    }

    private static Map<String, JsonNode> byId(JsonNode root) {
        Map<String, JsonNode> out = new HashMap<>();
        root.get("instances").forEach(n -> out.put(n.get("instance_id").asText(), n));
        return out;
    }

    @Test
    void rawAgreesExactlyWithRedisForEveryKey() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String good = Fixtures.instance(r, "running");
        String odd = Fixtures.instance(r, "crashed");
        r.hset("instance_metrics:" + odd, Map.of("cpu_usage", "abc", "gpu_usage", "  7 ", "note", "ünïcödé ✓"));
        JsonNode root = snapshot();
        Map<String, JsonNode> all = byId(root);
        assertEquals(Set.of(good, odd), all.keySet());
        for (String id : List.of(good, odd)) {
            assertRawEquals(r.hgetall("instance:" + id), all.get(id).get("raw").get("instance"));
            assertRawEquals(r.hgetall("instance_metrics:" + id), all.get(id).get("raw").get("instance_metrics"));
            assertRawEquals(r.hgetall("instance_health:" + id), all.get(id).get("raw").get("instance_health"));
        }
        assertTrue(all.get(good).get("problems").isEmpty());
        assertEquals("running", all.get(good).get("state").asText());
        assertEquals(45.5, all.get(good).get("cpu_usage").asDouble());
        assertEquals(4, all.get(good).get("active_connections").asInt());
        assertEquals("fresh", all.get(good).get("freshness").asText());
        assertEquals("[\"running\"]", all.get(good).get("index_sets").toString());
        JsonNode oddNode = all.get(odd);
        assertTrue(oddNode.get("cpu_usage").isNull());
        assertEquals("FIELD_INVALID", oddNode.get("problems").get(0).get("code").asText());
        assertEquals("cpu_usage", oddNode.get("problems").get(0).get("field").asText());
        assertEquals("redis://127.0.0.1:" + REDIS.server().port() + "/0", root.get("source").asText());
    }

    @Test
    void wrongTypesOrphansAndDriftAllAppearWithTheirCodes() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String wrongType = Fixtures.newId();
        r.set("instance:" + wrongType, "running");
        String orphan = Fixtures.newId();
        r.hset("instance_health:" + orphan, Fixtures.healthHash());
        String dangling = Fixtures.newId();
        r.sadd("instance:state:stopped", dangling);
        String drift = Fixtures.instance(r, "running");
        r.sadd("instance:state:crashed", drift);
        String notUuid = "mt5-prod-7";
        Fixtures.instance(r, notUuid, "running");
        r.set("instances_total", "5");

        Map<String, JsonNode> all = byId(snapshot());
        assertEquals(Set.of(wrongType, orphan, dangling, drift, notUuid), all.keySet());
        assertEquals(List.of("KEY_WRONG_TYPE"), codes(all.get(wrongType)));
        assertTrue(all.get(wrongType).get("raw").get("instance").isNull());
        assertEquals(List.of("ORPHAN"), codes(all.get(orphan)));
        assertEquals(List.of("INDEX_DANGLING"), codes(all.get(dangling)));
        assertEquals(List.of("INDEX_EXTRA"), codes(all.get(drift)));
        assertEquals(List.of("ID_NOT_UUID"), codes(all.get(notUuid)));
    }

    @Test
    void idsInAStateSetWithAnEmptyNameAppearWithTheirProblems() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String extra = Fixtures.instance(r, "running");
        String dangling = Fixtures.newId();
        r.sadd("instance:state:", extra, dangling);
        Map<String, JsonNode> all = byId(snapshot());
        assertEquals(Set.of(extra, dangling), all.keySet());
        assertEquals("[\"\",\"running\"]", all.get(extra).get("index_sets").toString());
        assertEquals(List.of("INDEX_EXTRA"), codes(all.get(extra)));
        assertEquals("instance:state:", all.get(extra).get("problems").get(0).get("key").asText());
        assertEquals(List.of("INDEX_DANGLING"), codes(all.get(dangling)));
        assertEquals("[\"\"]", all.get(dangling).get("index_sets").toString());
    }

    @Test
    void userWhoMayNotRunScriptsStillGetsTheExactFleet() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        r.set("instance_metrics:" + Fixtures.newId(), "not a hash");
        r.aclSetuser("viewer", io.lettuce.core.AclSetuserArgs.Builder.on().addPassword("pw").allKeys().allChannels()
                .allCommands().removeCommand(io.lettuce.core.protocol.CommandType.EVAL)
                .removeCommand(io.lettuce.core.protocol.CommandType.EVALSHA));
        CliRun run = CliRun.of("snapshot", "--redis", "redis://viewer:pw@127.0.0.1:" + REDIS.server().port() + "/0");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, JsonNode> all = byId(json.readTree(run.out()));
        assertEquals(2, all.size());
        assertRawEquals(r.hgetall("instance:" + id), all.get(id).get("raw").get("instance"));
        assertTrue(all.values().stream().anyMatch(n -> n.get("problems").toString().contains("KEY_WRONG_TYPE")));
    }

    @Test
    void wrongPasswordIsExitFiveWithOneLine() {
        CliRun run = CliRun.of("snapshot", "--redis", "redis://nobody:wrong@127.0.0.1:" + REDIS.server().port() + "/0");
        assertEquals(5, run.exitCode());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().contains("authentication failed"), run.err());
    }

    @Test
    void csvAndTableFormatsListEveryInstance() {
        Fixtures.instance(REDIS.redis(), "running");
        Fixtures.instance(REDIS.redis(), "stopped");
        CliRun csv = CliRun.of("snapshot", "--redis", REDIS.uri(), "--format", "csv");
        assertEquals(0, csv.exitCode());
        assertEquals(3, csv.out().lines().count());
        assertTrue(csv.out().startsWith("instance_id,broker_id,state"));
        CliRun table = CliRun.of("snapshot", "--redis", REDIS.uri(), "--format", "table");
        assertTrue(table.out().contains("2 instances, 0 with problems"), table.out());
    }

    @Test
    void sharedBrokerNamesAreAddedToJsonAndCsvAndAFormulaNameIsDefused() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String named = Fixtures.instance(r, "running");
        String unnamed = Fixtures.instance(r, "running");
        r.hset("instance:" + unnamed, "broker_id", "7d1f0c2a-9b3e-4f6d-8a5c-1e2b3c4d5e6f");
        r.hset("console:broker_names", Fixtures.BROKER, "=cmd|' /C calc'!A0");
        Map<String, JsonNode> all = byId(snapshot());
        assertEquals("=cmd|' /C calc'!A0", all.get(named).get("broker_name").asText());
        assertTrue(all.get(unnamed).get("broker_name").isNull());
        assertEquals(Fixtures.BROKER, all.get(named).get("broker_id").asText(), "every field as before");
        CliRun csv = CliRun.of("snapshot", "--redis", REDIS.uri(), "--format", "csv");
        List<String> lines = csv.out().lines().toList();
        assertTrue(lines.get(0).endsWith(",problems,broker_name"), "added as the last column: " + lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(named) && l.endsWith(",'=cmd|' /C calc'!A0")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(unnamed) && l.endsWith(",")), lines.toString());
    }

    @Test
    void theTableEscapesWhatATerminalWouldActOn() {
        RedisCommands<String, String> r = REDIS.redis();
        String spoofed = "550e8400-e29b-41d4-\u202e0000-446655440000";
        Fixtures.instance(r, spoofed, "running");
        String ansi = "\u001b[2J\u001b[31mcleared";
        Fixtures.instance(r, ansi, "running");
        r.hset("instance:" + ansi, "launch_mode", "\u009b1mbold");
        CliRun table = CliRun.of("snapshot", "--redis", REDIS.uri(), "--format", "table");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().chars().noneMatch(c -> c == 0x1b || c == 0x9b || c == 0x202e), table.out());
        assertTrue(table.out().contains("550e8400-e29b-41d4-\\u202e0000-446655440000"), table.out());
        assertTrue(table.out().contains("\\x1b[2J\\x1b[31mcleared"), table.out());
        assertEquals(4, table.out().lines().count(), "a header, one line per instance and the summary: " + table.out());
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreDefused() {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "crashed");
        r.hset("instance_health:" + id, "last_error", "=HYPERLINK(\"http://evil.example\",\"details\")");
        String formulaId = "@SUM(1+1)*cmd|' /C calc'!A0";
        Fixtures.instance(r, formulaId, "running");
        CliRun csv = CliRun.of("snapshot", "--redis", REDIS.uri(), "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        assertTrue(csv.out().contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"details\"\")\","), csv.out());
        assertTrue(csv.out().contains("\n'@SUM(1+1)*cmd|' /C calc'!A0,"), csv.out());
        assertTrue(csv.out().lines().skip(1).noneMatch(l -> l.startsWith("=") || l.startsWith("@") || l.contains(",=") || l.contains(",\"=")),
                csv.out());
    }

    private static void assertRawEquals(Map<String, String> expected, JsonNode node) {
        Map<String, String> actual = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            actual.put(e.getKey(), e.getValue().asText());
        }
        assertEquals(expected, actual);
    }

    private static List<String> codes(JsonNode instance) {
        List<String> out = new java.util.ArrayList<>();
        instance.get("problems").forEach(p -> out.add(p.get("code").asText()));
        return out;
    }
}
