package com.mt5ops.console.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.redis.InterruptedTransitions;
import com.mt5ops.console.redis.TransitionKeys;
import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `check`, `check --repair` and `simulate` on a real three-master Redis Cluster, through one master's plain URI. */
class ClusterCheckAndSimulateTest {
    @RegisterExtension
    static final ClusterData data = new ClusterData();

    private static JsonNode checkJson(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", "--redis", data.uri(), "--format", "json"));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals(root.get("problems").size() == 0 ? 0 : 1, run.exitCode(), run.out());
        return root;
    }

    @Test
    void checkOnAConsistentClusterFleetFindsNoProblem() throws Exception {
        for (int k = 0; k < 30; k++) {
            Fixtures.instance(data.r(), InstanceState.values()[k % 4].wire());
        }
        assertTrue(data.cluster.masters().stream().allMatch(n -> n.redis().dbsize() > 0), "the fleet spreads over every master");
        CliRun run = CliRun.of("check", "--redis", data.uri());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("30 instances, 0 problems", run.out().trim());
    }

    @Test
    void notificationsOffOnOneMasterAreReportedForThatMaster() throws Exception {
        Fixtures.instance(data.r(), "running");
        RedisCluster.Node quiet = data.cluster.masters().get(2);
        quiet.redis().configSet("notify-keyspace-events", "");
        JsonNode problems = checkJson().get("problems");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("NOTIFICATIONS_OFF", problems.get(0).get("code").asText());
        assertTrue(problems.get(0).get("message").asText().contains("127.0.0.1:" + quiet.port()), problems.toString());
        assertTrue(problems.get(0).get("instance_id").isNull());
    }

    @Test
    void checkReportsAPendingTransitionAndItsIndexDrift() throws Exception {
        String id = Fixtures.instance(data.r(), "running");
        InterruptedTransitions.decideOnly(data.connection.async(), id, "running", InstanceState.STOPPED, "alice");

        JsonNode problems = checkJson().get("problems");
        List<String> codes = new ArrayList<>(problems.findValuesAsText("code"));
        codes.sort(null);
        assertEquals(List.of("INDEX_EXTRA", "INDEX_MISSING", "TRANSITION_PENDING"), codes, problems.toString());
        JsonNode pending = problems.get(problems.findValuesAsText("code").indexOf("TRANSITION_PENDING"));
        assertEquals(id, pending.get("instance_id").asText());
        assertEquals(TransitionKeys.pending(id), pending.get("key").asText());
        assertTrue(pending.get("message").asText().contains("running -> stopped by alice"), pending.toString());
        assertEquals(1L, data.r().exists(TransitionKeys.pending(id)), "check changes nothing");
    }

    @Test
    void repairOnAnInconsistentIndexFixesOnlyTheSets() throws Exception {
        String extra = Fixtures.instance(data.r(), "running");
        data.r().sadd(KeySchema.stateSetKey("crashed"), extra);
        String missing = Fixtures.instance(data.r(), "stopped");
        data.r().srem(KeySchema.stateSetKey("stopped"), missing);
        String moved = Fixtures.instance(data.r(), "restarting");
        data.r().srem(KeySchema.stateSetKey("restarting"), moved);
        data.r().sadd(KeySchema.stateSetKey("running"), moved);
        String dangling = Fixtures.newId();
        data.r().sadd(KeySchema.stateSetKey("crashed"), dangling);
        String odd = Fixtures.instance(data.r(), "running");
        data.r().hset(KeySchema.instanceKey(odd), "state", "paused"); // an unknown state: kept out of the known sets
        data.r().sadd(KeySchema.stateSetKey("paused"), odd);
        String fine = Fixtures.instance(data.r(), "crashed");
        Map<String, String> hashesBefore = hashes();
        assertEquals(6, checkJson().get("problems").size(), "the drift is seen first");

        JsonNode repaired = checkJson("--repair");
        assertEquals(6, repaired.get("summary").get("repaired_memberships").asInt(), repaired.toString());
        assertEquals(List.of("FIELD_INVALID"), repaired.get("problems").findValuesAsText("code"), "only the unknown state is left");
        assertEquals(List.of("running"), data.statesHolding(extra));
        assertEquals(List.of("stopped"), data.statesHolding(missing));
        assertEquals(List.of("restarting"), data.statesHolding(moved));
        assertEquals(List.of(), data.statesHolding(dangling));
        assertEquals(List.of(), data.statesHolding(odd));
        assertTrue(data.r().sismember(KeySchema.stateSetKey("paused"), odd), "a set of an unknown state keeps what its hash names");
        assertEquals(List.of("crashed"), data.statesHolding(fine));
        assertEquals(hashesBefore, hashes(), "no hash was touched");
        assertEquals(0, checkJson("--repair").get("summary").get("repaired_memberships").asInt(), "nothing left to repair");
    }

    @Test
    void simulateOnAClusterWritesAFleetThatCheckFindsConsistent() throws Exception {
        CliRun sim = CliRun.of("simulate", "--redis", data.uri(), "--instances", "200", "--rate", "300", "--seconds", "3", "--seed", "7");
        assertEquals(0, sim.exitCode(), sim.err());
        assertTrue(sim.out().contains("seeded 200 instances"), sim.out());
        assertTrue(data.cluster.masters().stream().allMatch(n -> n.redis().dbsize() > 100), "spread over every master");

        CliRun check = CliRun.of("check", "--redis", data.uri());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertEquals("200 instances, 0 problems", check.out().trim());
        long indexed = 0;
        for (InstanceState s : InstanceState.values()) {
            indexed += data.r().scard(KeySchema.stateSetKey(s.wire()));
        }
        assertEquals(200, indexed);
        assertEquals(200L, data.r().scard("console:simulated"));
    }

    @Test
    void simulateRefusesAClusterHoldingForeignInstancesUnlessForced() {
        // on a master other than the one named in the URI: the check must look at the whole cluster
        String foreign;
        do {
            foreign = Fixtures.newId();
        } while (data.servedBy(0, KeySchema.instanceKey(foreign)) || data.servedBy(0, KeySchema.healthKey(foreign))
                || data.servedBy(0, KeySchema.metricsKey(foreign)));
        Fixtures.instance(data.r(), foreign, "running");
        Map<String, String> before = data.everything();

        CliRun refused = CliRun.of("simulate", "--redis", data.uri(), "--instances", "20", "--seconds", "0");
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("1 instance(s) that simulate did not write") && refused.err().contains(foreign), refused.err());
        assertEquals(before, data.everything(), "nothing written");

        CliRun forced = CliRun.of("simulate", "--redis", data.uri(), "--instances", "20", "--seconds", "0", "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals("running", data.r().hget(KeySchema.instanceKey(foreign), "state"), "the foreign instance is left as it was");
        assertFalse(data.r().sismember("console:simulated", foreign));
    }

    /** Every instance* hash of every master. */
    private static Map<String, String> hashes() {
        Map<String, String> out = new TreeMap<>();
        data.everything().forEach((key, value) -> {
            if (value.startsWith("hash ")) {
                out.put(key, value);
            }
        });
        return out;
    }
}
