package com.mt5ops.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WatchCommandTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void finalMirrorEqualsTheSnapshotAfterLiveChanges() throws Exception {
        Fixtures.instance(REDIS.redis(), "running");
        CliRun.Running watch = CliRun.start("watch", "--enable-notifications", "--redis", REDIS.uri(), "--seconds", "4");
        awaitSubscriber();
        String late = Fixtures.instance(REDIS.redis(), "crashed");
        REDIS.redis().hset("instance_metrics:" + late, "cpu_usage", "oops");
        CliRun run = watch.result().get();
        assertEquals(0, run.exitCode(), run.err());
        JsonNode watched = json.readTree(run.out());
        JsonNode snap = json.readTree(CliRun.of("snapshot", "--redis", REDIS.uri()).out());
        assertEquals(raws(snap), raws(watched));
        assertEquals("LIVE", watched.get("stats").get("mode").asText());
        assertTrue(watched.get("stats").get("events").asLong() > 0);
    }

    @Test
    void jsonlStreamsOneLinePerChangeInOrder() throws Exception {
        CliRun.Running watch = CliRun.start("watch", "--enable-notifications", "--redis", REDIS.uri(), "--seconds", "5", "--format", "jsonl");
        awaitSubscriber();
        String id = Fixtures.instance(REDIS.redis(), "running");
        com.mt5ops.console.testing.Await.until(java.time.Duration.ofSeconds(3), () -> watch.outSoFar().contains(id), () -> "no line for " + id);
        REDIS.redis().del("instance:" + id, "instance_metrics:" + id, "instance_health:" + id);
        REDIS.redis().srem("instance:state:running", id);
        CliRun run = watch.result().get();
        List<JsonNode> lines = run.out().lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).filter(n -> n.has("instance_id") && n.get("instance_id").asText().equals(id)).toList();
        assertTrue(lines.size() >= 2, run.out());
        assertEquals("upsert", lines.get(0).get("change").asText());
        assertEquals("running", lines.get(0).get("raw").get("instance").get("state").asText());
        assertEquals("removed", lines.get(lines.size() - 1).get("change").asText());
        assertTrue(lines.get(lines.size() - 1).get("raw").isNull());
        assertTrue(lines.get(0).get("applied_at_ms").asLong() > 1_700_000_000_000L);
    }

    @Test
    void jsonlSaysWhenTheConnectionStateChanges() throws Exception {
        CliRun.Running watch = CliRun.start("watch", "--enable-notifications", "--redis", REDIS.uri(), "--seconds", "3", "--format", "jsonl");
        CliRun run = watch.result().get();
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> states = run.out().lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).filter(n -> n.has("connection")).toList();
        assertEquals("CONNECTING", states.get(0).get("connection").asText(), run.out());
        assertEquals("LIVE", states.get(states.size() - 1).get("connection").asText(), run.out());
        assertEquals("", states.get(states.size() - 1).get("detail").asText());
        assertTrue(states.get(0).get("applied_at_ms").asLong() > 1_700_000_000_000L);
    }

    @Test
    void withoutEnableNotificationsWatchSaysTheFlagsAreMissingPollsAndNeverChangesTheServer() throws Exception {
        Fixtures.instance(REDIS.redis(), "running");
        REDIS.redis().configSet("notify-keyspace-events", "E");
        REDIS.redis().configResetstat();
        CliRun run = CliRun.start("watch", "--redis", REDIS.uri(), "--seconds", "4", "--format", "jsonl").result().get();
        assertEquals(0, run.exitCode(), run.err());
        JsonNode last = run.out().lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).filter(n -> n.has("connection")).reduce((a, b) -> b).orElseThrow();
        assertEquals("POLLING", last.get("connection").asText(), run.out());
        assertTrue(last.get("detail").asText().contains("lack Kghsx (now 'E')") && last.get("detail").asText().contains("consent"),
                last.get("detail").asText());
        assertEquals(0, com.mt5ops.console.testing.CommandStats.calls(REDIS.redis(), "config|set"), "CONFIG SET was sent");
        assertEquals("E", REDIS.redis().configGet("notify-keyspace-events").get("notify-keyspace-events"));
    }

    @Test
    void withEnableNotificationsTheMissingFlagsAreAddedToTheOnesSetKeepingThemAll() throws Exception {
        Fixtures.instance(REDIS.redis(), "running");
        REDIS.redis().configSet("notify-keyspace-events", "Et");
        CliRun run = CliRun.start("watch", "--enable-notifications", "--redis", REDIS.uri(), "--seconds", "3").result().get();
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("LIVE", json.readTree(run.out()).get("stats").get("mode").asText());
        String flags = REDIS.redis().configGet("notify-keyspace-events").get("notify-keyspace-events");
        assertTrue(com.mt5ops.console.redis.NotificationConfig.satisfies(flags), flags);
        assertTrue(flags.contains("E") && flags.contains("t"), "the flags set before are kept: " + flags);
    }

    @Test
    void aWatchThatNeverReadTheWholeFleetIsExitFiveNotAnEmptyFleet() throws Exception {
        // A server that accepts connections and never answers: the mirror never gets its first full read.
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("watch", "--redis", "redis://127.0.0.1:" + silent.getLocalPort() + "/0", "--seconds", "2");
            assertEquals(5, run.exitCode(), run.out() + run.err());
            assertEquals("", run.out());
            assertTrue(run.err().startsWith("error: no full read of redis://127.0.0.1:" + silent.getLocalPort() + "/0 yet"), run.err());
        }
    }

    @Test
    void unreachableRedisIsExitFive() {
        CliRun run = CliRun.of("watch", "--redis", "redis://127.0.0.1:1/0", "--seconds", "1");
        assertEquals(5, run.exitCode());
        assertEquals(1, run.errLines(), run.err());
    }

    /** The watch is live once Redis lists its pattern subscription and the mirror has enabled notifications (with consent). */
    private static void awaitSubscriber() {
        com.mt5ops.console.testing.Await.until(java.time.Duration.ofSeconds(10),
                () -> REDIS.redis().clientList().contains("psub=2")
                        && REDIS.redis().configGet("notify-keyspace-events").get("notify-keyspace-events").contains("K"),
                () -> "no live subscriber yet");
    }

    private static Map<String, String> raws(JsonNode root) {
        Map<String, String> out = new HashMap<>();
        root.get("instances").forEach(i -> out.put(i.get("instance_id").asText(), i.get("raw").toString() + i.get("index_sets")));
        return out;
    }
}
