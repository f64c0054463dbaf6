package com.mt5ops.console.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.redis.TransitionKeys;
import com.mt5ops.console.testing.Await;
import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisCluster;
import io.lettuce.core.StreamMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/**
 * A real console process killed (SIGKILL) between the steps of a transition on a three-master Redis Cluster, then
 * {@code check --repair} completing it. The console is held at a chosen step by pausing writes on the master that
 * step writes to ({@code CLIENT PAUSE WRITE}: its reads, the pre-checks, still pass), so it dies exactly there.
 */
@Timeout(180)
class ClusterKilledConsoleTest {
    @RegisterExtension
    static final ClusterData data = new ClusterData();

    @Test
    void consoleKilledAfterTheDecisionBeforeItsAuditEntryIsCompletedByCheckRepair() throws Exception {
        int auditMaster = masterServing(KeySchema.AUDIT_STREAM);
        String id = idAwayFrom(auditMaster);
        Fixtures.instance(data.r(), id, "crashed");

        killDuring(auditMaster, id, () -> "restarting".equals(data.r().hget(KeySchema.instanceKey(id), "state"))
                && data.r().exists(TransitionKeys.pending(id)) == 1);

        assertEquals("restarting", data.r().hget(KeySchema.instanceKey(id), "state"), "the decision was made");
        assertEquals(List.of(), data.audit(id), "the console died before its audit entry");
        assertEquals(1L, data.r().exists(TransitionKeys.pending(id)), "but the entry's content is kept beside the change");
        assertRepairedOnce(id);
    }

    @Test
    void consoleKilledAfterItsAuditEntryBeforeTheIndexIsCompletedWithoutASecondEntry() throws Exception {
        // a master that holds a state set but none of the keys the count and the audit entry write
        int setsOnly = -1;
        for (int m = 0; m < data.cluster.masters().size() && setsOnly < 0; m++) {
            int master = m;
            boolean holdsASet = List.of(InstanceState.values()).stream().anyMatch(s -> data.servedBy(master, KeySchema.stateSetKey(s.wire())));
            setsOnly = holdsASet && !data.servedBy(m, KeySchema.AUDIT_STREAM) ? m : -1;
        }
        assertTrue(setsOnly >= 0, "the three masters' slots put a state set away from the audit stream");
        int paused = setsOnly;
        String id = idAwayFrom(paused);
        Fixtures.instance(data.r(), id, "crashed");

        killDuring(paused, id, () -> data.audit(id).size() == 1 && data.r().exists(TransitionKeys.pending(id)) == 1);

        assertEquals("3", data.r().hget(KeySchema.healthKey(id), "restart_count"), "counted before it died");
        assertEquals(1, data.audit(id).size(), "audited before it died");
        assertRepairedOnce(id);
    }

    /** Starts {@code mark-restart} in its own JVM with writes paused on one master, SIGKILLs it once {@code reached}. */
    private static void killDuring(int pausedMaster, String id, BooleanSupplier reached) throws Exception {
        Path logs = Files.createTempDirectory("killed-console");
        RedisCluster.Node node = data.cluster.masters().get(pausedMaster);
        node.call("CLIENT", "PAUSE", "60000", "WRITE");
        Process console = null;
        try {
            console = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dmt5.log.dir=" + logs, "com.mt5ops.console.app.Launcher",
                    "mark-restart", "--redis", data.uri(), "--id", id, "--operator", "alice", "--reason", "killed mid-way")
                    .redirectOutput(logs.resolve("out").toFile()).redirectError(logs.resolve("err").toFile()).start();
            Process running = console;
            Await.until(Duration.ofSeconds(60), () -> reached.getAsBoolean() || !running.isAlive(),
                    () -> "the console never reached the step");
            assertTrue(console.isAlive(), "the console was to be held at the step, not finished: " + read(logs.resolve("err")));
            console.destroyForcibly(); // SIGKILL: no shutdown hook, no last command
            assertTrue(console.waitFor(20, TimeUnit.SECONDS));
        } finally {
            if (console != null) {
                console.destroyForcibly();
            }
            node.call("CLIENT", "UNPAUSE");
        }
    }

    private static void assertRepairedOnce(String id) throws Exception {
        CliRun check = CliRun.of("check", "--redis", data.uri(), "--format", "json");
        assertEquals(1, check.exitCode(), check.err());
        List<String> codes = new ArrayList<>();
        for (JsonNode p : new ObjectMapper().readTree(check.out()).get("problems")) {
            if (id.equals(p.get("instance_id").asText())) {
                codes.add(p.get("code").asText());
            }
        }
        assertTrue(codes.contains("TRANSITION_PENDING"), "the operator sees the transition cut short: " + check.out());

        CliRun repair = CliRun.of("check", "--redis", data.uri(), "--repair");
        assertEquals(0, repair.exitCode(), repair.out() + repair.err());
        assertTrue(repair.out().contains("completed the interrupted transition of " + id), repair.out());

        assertEquals("restarting", data.r().hget(KeySchema.instanceKey(id), "state"));
        assertEquals(List.of("restarting"), data.statesHolding(id), "the index converged");
        assertEquals("3", data.r().hget(KeySchema.healthKey(id), "restart_count"), "counted once");
        List<StreamMessage<String, String>> audit = data.audit(id);
        assertEquals(1, audit.size(), "exactly one audit entry");
        assertEquals("crashed", audit.get(0).getBody().get("from"));
        assertEquals("restarting", audit.get(0).getBody().get("to"));
        assertEquals("alice", audit.get(0).getBody().get("operator"));
        assertEquals("3", audit.get(0).getBody().get("restart_count"));
        assertEquals(data.r().hget(KeySchema.instanceKey(id), "last_updated_at"), audit.get(0).getBody().get("time"));
        assertEquals(0L, data.r().exists(TransitionKeys.pending(id)));
        assertEquals(0, CliRun.of("check", "--redis", data.uri()).exitCode(), "nothing left to report");
    }

    private static int masterServing(String key) {
        for (int m = 0; m < data.cluster.masters().size(); m++) {
            if (data.servedBy(m, key)) {
                return m;
            }
        }
        throw new IllegalStateException("no master serves " + key);
    }

    /** An id whose instance hash (with its pending record) and health hash are not on {@code master}. */
    private static String idAwayFrom(int master) {
        Predicate<String> away = key -> !data.servedBy(master, key);
        while (true) {
            String id = Fixtures.newId();
            if (away.test(KeySchema.instanceKey(id)) && away.test(KeySchema.healthKey(id))) {
                return id;
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
