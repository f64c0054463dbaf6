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
import com.mt5ops.console.testing.AclRecipes;
import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.Fixtures;
import io.lettuce.core.StreamMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * `transition`, `mark-restart` and `check --repair` on a real three-master Redis Cluster, through one master's plain
 * URI: the same outcomes and exit codes as on one server, the index consistent, one audit entry per change, and a
 * transition cut short between its steps completed by the repair.
 */
class ClusterTransitionCommandsTest {
    @RegisterExtension
    static final ClusterData data = new ClusterData();

    @Test
    void transitionOnAClusterChangesTheStateWithItsAuditEntryAndKeepsTheSetsConsistent() {
        String id = Fixtures.instance(data.r(), "running");
        CliRun run = CliRun.of("transition", "--redis", data.uri(), "--id", id, "--from", "running", "--to", "stopped",
                "--reason", "maintenance", "--operator", "alice");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("done: " + id + " is now stopped", run.out().trim());
        assertEquals("stopped", data.r().hget(KeySchema.instanceKey(id), "state"));
        assertEquals(List.of("stopped"), data.statesHolding(id));
        List<StreamMessage<String, String>> audit = data.audit(id);
        assertEquals(1, audit.size());
        Map<String, String> e = audit.get(0).getBody();
        assertEquals("running", e.get("from"));
        assertEquals("stopped", e.get("to"));
        assertEquals("maintenance", e.get("reason"));
        assertEquals("alice", e.get("operator"));
        assertEquals("default", e.get("redis_user"));
        assertEquals(data.r().hget(KeySchema.instanceKey(id), "last_updated_at"), e.get("time"));
        assertEquals(0L, data.r().exists(TransitionKeys.pending(id)), "nothing left pending");
        assertEquals(0, CliRun.of("check", "--redis", data.uri()).exitCode(), "the fleet is consistent afterwards");
    }

    @Test
    void eightTransitionCommandsRacingEachRoundHaveOneWinnerAndEveryChangeItsAuditEntry() {
        String id = Fixtures.instance(data.r(), "running");
        List<List<String>> rounds = List.of(List.of("stopped", "crashed", "restarting"), List.of("running"),
                List.of("crashed", "restarting", "stopped"));
        List<String> path = new ArrayList<>(List.of("running"));
        for (List<String> targets : rounds) {
            String from = path.get(path.size() - 1);
            CountDownLatch go = new CountDownLatch(1);
            Executor ownThread = task -> new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                task.run();
            }).start();
            List<CompletableFuture<CliRun>> racing = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                racing.add(CliRun.start(Map.of(), ownThread, "transition", "--redis", data.uri(), "--id", id, "--from", from,
                        "--to", targets.get(k % targets.size()), "--operator", "racer-" + k).result());
            }
            go.countDown();
            List<CliRun> runs = racing.stream().map(CompletableFuture::join).toList();
            List<CliRun> won = runs.stream().filter(r -> r.exitCode() == 0).toList();
            assertEquals(1, won.size(), runs.toString());
            assertTrue(runs.stream().allMatch(r -> r.exitCode() == 0 || r.exitCode() == 3), "the others lose with a conflict: " + runs);
            String state = data.r().hget(KeySchema.instanceKey(id), "state");
            assertEquals("done: " + id + " is now " + state, won.get(0).out().trim());
            assertEquals(List.of(state), data.statesHolding(id), "the sets agree after round " + path.size());
            path.add(state);
        }
        List<StreamMessage<String, String>> audit = data.audit(id);
        assertEquals(rounds.size(), audit.size(), "one audit entry for every change, none for a loser");
        for (int k = 0; k < audit.size(); k++) {
            assertEquals(path.get(k), audit.get(k).getBody().get("from"));
            assertEquals(path.get(k + 1), audit.get(k).getBody().get("to"));
        }
        assertEquals("2", data.r().hget(KeySchema.healthKey(id), "restart_count"), "`transition` never counts (mark-restart does)");
        assertEquals(0L, data.r().exists(TransitionKeys.pending(id)));
        assertEquals(0, CliRun.of("check", "--redis", data.uri()).exitCode(), "the fleet is consistent afterwards");
    }

    @Test
    void markRestartOnAClusterCountsOnceWithItsAuditEntry() {
        String id = Fixtures.instance(data.r(), "crashed");
        CliRun run = CliRun.of("mark-restart", "--redis", data.uri(), "--id", id, "--reason", "stuck after news");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("restarting", data.r().hget(KeySchema.instanceKey(id), "state"));
        assertEquals("3", data.r().hget(KeySchema.healthKey(id), "restart_count"));
        assertEquals(List.of("restarting"), data.statesHolding(id));
        List<StreamMessage<String, String>> audit = data.audit(id);
        assertEquals(1, audit.size());
        assertEquals("3", audit.get(0).getBody().get("restart_count"));
        assertEquals("crashed", audit.get(0).getBody().get("from"));
        assertEquals(0L, data.r().exists(TransitionKeys.pending(id)));
    }

    @Test
    void refusalsOnAClusterHaveTheSingleServerExitCodesAndWriteNothing() {
        String id = Fixtures.instance(data.r(), "running");
        Map<String, String> before = data.everything();

        CliRun conflict = CliRun.of("transition", "--redis", data.uri(), "--id", id, "--from", "crashed", "--to", "stopped");
        assertEquals(3, conflict.exitCode(), conflict.err());
        assertTrue(conflict.err().contains("'running'"), conflict.err());
        CliRun notAllowed = CliRun.of("transition", "--redis", data.uri(), "--id", id, "--to", "running");
        assertEquals(2, notAllowed.exitCode(), notAllowed.err());
        CliRun notFound = CliRun.of("mark-restart", "--redis", data.uri(), "--id", Fixtures.newId());
        assertEquals(4, notFound.exitCode(), notFound.err());
        data.r().set(KeySchema.AUDIT_STREAM, "not a stream");
        CliRun refused = CliRun.of("transition", "--redis", data.uri(), "--id", id, "--to", "stopped");
        assertEquals(6, refused.exitCode(), refused.err());
        data.r().del(KeySchema.AUDIT_STREAM);

        for (CliRun run : List.of(conflict, notAllowed, notFound, refused)) {
            assertEquals(1, run.errLines(), run.err());
            assertFalse(run.err().contains("cannot connect") || run.err().contains("CROSSSLOT"), run.err());
        }
        assertEquals(before, data.everything(), "nothing was written");
    }

    @Test
    void transitionCutShortBetweenItsStepsIsCompletedByCheckRepair() throws Exception {
        String id = Fixtures.instance(data.r(), "running");
        String other = Fixtures.instance(data.r(), "crashed");
        InterruptedTransitions.decideOnly(data.connection.async(), id, "running", InstanceState.RESTARTING, "alice");
        assertEquals("restarting", data.r().hget(KeySchema.instanceKey(id), "state"));
        assertEquals(List.of(), data.audit(id), "killed before its audit entry");

        CliRun check = CliRun.of("check", "--redis", data.uri(), "--format", "json");
        assertEquals(1, check.exitCode(), check.err());
        JsonNode problems = new ObjectMapper().readTree(check.out()).get("problems");
        assertTrue(problems.findValuesAsText("code").contains("TRANSITION_PENDING"), check.out());
        CliRun blocked = CliRun.of("transition", "--redis", data.uri(), "--id", id, "--to", "running", "--from", "restarting");
        assertEquals(3, blocked.exitCode(), "the instance takes no transition while one is pending: " + blocked.err());
        assertTrue(blocked.err().contains("still being completed"), blocked.err());

        CliRun repair = CliRun.of("check", "--redis", data.uri(), "--repair");
        assertEquals(0, repair.exitCode(), repair.out() + repair.err());
        assertTrue(repair.out().contains("completed the interrupted transition of " + id), repair.out());
        assertEquals("restarting", data.r().hget(KeySchema.instanceKey(id), "state"));
        assertEquals(List.of("restarting"), data.statesHolding(id));
        assertEquals("3", data.r().hget(KeySchema.healthKey(id), "restart_count"), "counted once");
        List<StreamMessage<String, String>> audit = data.audit(id);
        assertEquals(1, audit.size());
        assertEquals("alice", audit.get(0).getBody().get("operator"));
        assertEquals("killed-host", audit.get(0).getBody().get("host"));
        assertEquals(0L, data.r().exists(TransitionKeys.pending(id)));
        assertEquals(List.of("crashed"), data.statesHolding(other), "the rest untouched");

        Map<String, String> after = data.everything();
        CliRun again = CliRun.of("check", "--redis", data.uri(), "--repair");
        assertEquals(0, again.exitCode(), again.out());
        assertEquals(after, data.everything(), "a second repair changes nothing");
        assertEquals(0, CliRun.of("transition", "--redis", data.uri(), "--id", id, "--to", "running").exitCode());
    }

    @Test
    void operatorOfTheClusterRecipeTransitionsAndNothingIsDenied() {
        String uri = data.createUser(AclRecipes.OPERATOR_CLUSTER);
        String id = Fixtures.instance(data.r(), "crashed");
        CliRun restart = CliRun.of("mark-restart", "--redis", uri, "--id", id);
        assertEquals(0, restart.exitCode(), restart.err());
        CliRun back = CliRun.of("transition", "--redis", uri, "--id", id, "--to", "running");
        assertEquals(0, back.exitCode(), back.err());
        assertEquals(List.of("running"), data.statesHolding(id));
        assertEquals("operator", data.audit(id).get(1).getBody().get("redis_user"));
        CliRun repair = CliRun.of("check", "--redis", uri, "--repair");
        // as on one server, the operator may not read notify-keyspace-events (CONFIG GET shows secrets too)
        assertEquals(1, repair.exitCode(), repair.out() + repair.err());
        assertTrue(repair.out().lines().filter(l -> !l.startsWith("repair:") && !l.contains("instances,"))
                .allMatch(l -> l.startsWith("NOTIFICATIONS_OFF")), repair.out());
        assertEquals("", data.aclLog("config|get"), "asked first, never denied a write");
    }

    @Test
    void viewerOfTheClusterRecipeReadsTheFleetAndIsToldItMayNotTransition() throws Exception {
        String uri = data.createUser(AclRecipes.VIEWER_CLUSTER);
        String id = Fixtures.instance(data.r(), "running");
        data.r().hset(KeySchema.BROKER_NAMES, Fixtures.BROKER, "Alpha");
        Map<String, String> before = data.everything();

        CliRun snapshot = CliRun.of("snapshot", "--redis", uri);
        assertEquals(0, snapshot.exitCode(), snapshot.err());
        JsonNode instances = new ObjectMapper().readTree(snapshot.out()).get("instances");
        assertEquals(1, instances.size());
        assertEquals("Alpha", instances.get(0).get("broker_name").asText(), "the names read on their master");
        CliRun run = CliRun.of("transition", "--redis", uri, "--id", id, "--to", "stopped");
        assertEquals(5, run.exitCode(), run.err());
        assertTrue(run.err().contains("permission denied") && run.err().contains("nothing was sent"), run.err());
        assertEquals(before, data.everything());
        assertEquals("", data.aclLog(), "asked first, never denied");
    }

    @Test
    void viewerChecksAPendingTransitionWithoutADeniedCommandAndAViewerWithoutItsKeysIsStillToldOne() throws Exception {
        String id = Fixtures.instance(data.r(), "running");
        InterruptedTransitions.decideOnly(data.connection.async(), id, "running", InstanceState.RESTARTING, "alice");
        Map<String, String> before = data.everything();

        CliRun check = CliRun.of("check", "--redis", data.createUser(AclRecipes.VIEWER_CLUSTER), "--format", "json");
        assertEquals(1, check.exitCode(), check.err());
        JsonNode pending = pendingProblem(check.out(), id);
        assertTrue(pending.get("message").asText().contains("running -> restarting"), check.out());
        assertEquals("", data.aclLog("config|get"), "the recipe's viewer reads the record: no read of it denied");

        // a viewer made before the record keys were in the recipe: the record is pending, only not what it is
        CliRun older = CliRun.of("check", "--redis", data.createUser(AclRecipes.VIEWER_CLUSTER.replace(" ~{instance:*}:console:txn", "")),
                "--format", "json");
        assertEquals(1, older.exitCode(), older.err());
        assertTrue(pendingProblem(older.out(), id).get("message").asText().contains("may not read its record"), older.out());
        assertEquals(before, data.everything(), "checks write nothing");
    }

    private static JsonNode pendingProblem(String checkJson, String id) throws Exception {
        for (JsonNode p : new ObjectMapper().readTree(checkJson).get("problems")) {
            if ("TRANSITION_PENDING".equals(p.get("code").asText()) && id.equals(p.get("instance_id").asText())) {
                return p;
            }
        }
        throw new AssertionError("no TRANSITION_PENDING for " + id + " in " + checkJson);
    }

    @Test
    void singleServerOperatorRecipeOnAClusterIsToldItMayNotAndNothingIsSent() {
        String uri = data.createUser(AclRecipes.OPERATOR.replace(" -@all ", " -@all +cluster|nodes +cluster|myid +info "));
        String id = Fixtures.instance(data.r(), "running");
        Map<String, String> before = data.everything();

        CliRun run = CliRun.of("transition", "--redis", uri, "--id", id, "--to", "stopped");
        assertEquals(5, run.exitCode(), run.err());
        assertTrue(run.err().contains("permission denied") && run.err().contains("console:txn") && run.err().contains("nothing was sent"),
                run.err());
        assertEquals(before, data.everything());
        assertEquals("", data.aclLog(), "the server was asked, never made to deny");
    }
}
