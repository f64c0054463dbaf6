package com.mt5ops.console.redis;

import static com.mt5ops.console.redis.SlotTestSupport.audit;
import static com.mt5ops.console.redis.SlotTestSupport.everything;
import static com.mt5ops.console.redis.SlotTestSupport.idAcrossMasters;
import static com.mt5ops.console.redis.SlotTestSupport.masterOf;
import static com.mt5ops.console.redis.SlotTestSupport.masters;
import static com.mt5ops.console.redis.SlotTestSupport.request;
import static com.mt5ops.console.redis.SlotTestSupport.seed;
import static com.mt5ops.console.redis.SlotTestSupport.statesHolding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.Problem;
import com.mt5ops.console.model.ProblemCode;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.testing.Fixtures;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A console that stops between the compare-and-set and the end of its follow-up steps leaves a pending record; the
 * read-only check reports it and the recovery pass completes it, once, on a real three-master Redis Cluster.
 */
class TransitionRecoveryClusterTest {
    @RegisterExtension
    static final EmptiedCluster CLUSTER = new EmptiedCluster();
    private final TransitionTable table = new TransitionTable();

    private static RedisAdvancedClusterCommands<String, String> r() {
        return CLUSTER.sync();
    }

    private SlotSafeTransitions transitions() {
        return new SlotSafeTransitions(CLUSTER.async(), table, CLUSTER.cluster().uri());
    }

    private TransitionRecovery recovery() {
        return new TransitionRecovery(CLUSTER.async(), transitions());
    }

    /** Only the decision step, as a console killed right after it leaves things. */
    private PendingTransition changeOnly(String id, String from, InstanceState to, String operator) {
        SlotSafeTransitions.Begun begun = transitions().begin(request(id, from, to, operator)).join();
        assertTrue(begun instanceof SlotSafeTransitions.Changed, begun.toString());
        return ((SlotSafeTransitions.Changed) begun).pending();
    }

    @Test
    void consoleKilledAfterTheDecisionIsCompletedByRecoveryOnEveryMaster() {
        List<String> ids = new ArrayList<>();
        Set<Integer> mastersHoldingRecords = new HashSet<>();
        while (mastersHoldingRecords.size() < 3) {
            String id = Fixtures.newId();
            if (mastersHoldingRecords.add(masterOf(CLUSTER.cluster(), TransitionKeys.pending(id)))) {
                ids.add(id);
            }
        }
        for (String id : ids) {
            seed(r(), id, "running");
            changeOnly(id, "running", InstanceState.RESTARTING, "alice");
            assertEquals("restarting", r().hget(KeySchema.instanceKey(id), "state"), "the state changed");
            assertEquals(List.of("running"), statesHolding(r(), id), "the index is behind");
            assertEquals("2", r().hget(KeySchema.healthKey(id), "restart_count"), "not counted yet");
            assertEquals(List.of(), audit(r(), id), "no audit entry yet");
            assertEquals("alice", r().hget(TransitionKeys.pending(id), "operator"), "but its content is kept beside the change");
        }

        List<Problem> pending = recovery().check().join();
        assertEquals(3, pending.size(), pending.toString());
        for (Problem p : pending) {
            assertEquals(ProblemCode.TRANSITION_PENDING, p.code());
            assertTrue(ids.contains(p.instanceId()));
            assertTrue(p.message().contains("running -> restarting (restart marked) by alice"), p.message());
        }
        TransitionResult blocked = transitions().apply(request(ids.get(0), "restarting", InstanceState.RUNNING, "bob")).join();
        assertEquals(Outcome.CONFLICT, blocked.outcome(), blocked.message());
        assertTrue(blocked.message().contains("still being completed"), blocked.message());

        RecoveryReport report = recovery().recover().join();
        assertEquals(3, report.completed().size(), report.toString());
        assertEquals(List.of(), report.incomplete());
        for (String id : ids) {
            assertCompletedOnce(id);
        }
        assertEquals(List.of(), recovery().check().join());

        Map<String, String> after = everything(masters(CLUSTER.cluster()));
        assertEquals(0, recovery().recover().join().found());
        assertEquals(after, everything(masters(CLUSTER.cluster())), "a second pass changes nothing");
    }

    @Test
    void theOriginalConsoleResumingAfterRecoveryChangesNothingMore() {
        String id = idAcrossMasters(CLUSTER.cluster());
        seed(r(), id, "running");
        PendingTransition p = changeOnly(id, "running", InstanceState.RESTARTING, "alice");
        assertEquals(1, recovery().recover().join().completed().size());
        Map<String, String> after = everything(masters(CLUSTER.cluster()));

        TransitionResult late = transitions().complete(p).join();
        assertEquals(Outcome.DONE, late.outcome(), late.message());
        assertEquals(after, everything(masters(CLUSTER.cluster())));
        assertCompletedOnce(id);
    }

    @Test
    void aChangeLostWithItsRecordBeforeTheLastStepIsNeverReportedDone() {
        String id = idAcrossMasters(CLUSTER.cluster());
        seed(r(), id, "running");
        PendingTransition p = changeOnly(id, "running", InstanceState.STOPPED, "alice");
        // what a failover before any replica had the compare-and-set leaves: the old state, and no pending record
        r().hset(KeySchema.instanceKey(id), "state", "running");
        r().del(TransitionKeys.pending(id));

        TransitionResult result = transitions().complete(p).join();
        assertEquals(Outcome.SERVER_ERROR, result.outcome(), result.message());
        assertEquals("running", result.stateNow());
        assertTrue(result.message().contains("is no longer in Redis: the instance holds running"), result.message());
        assertEquals(List.of("running"), statesHolding(r(), id), "filed under the state it holds");
    }

    @Test
    void followUpStepThatFailsLeavesTheChangeForRecovery() {
        String id = idAcrossMasters(CLUSTER.cluster());
        seed(r(), id, "running");
        PendingTransition p = changeOnly(id, "running", InstanceState.RESTARTING, "alice");
        r().set(KeySchema.stateSetKey("restarting"), "made a string meanwhile");

        TransitionResult res = transitions().complete(p).join();
        assertEquals(Outcome.SERVER_ERROR, res.outcome(), res.message());
        assertEquals("restarting", res.stateNow());
        assertTrue(res.message().contains("changed") && res.message().contains("recovery pass completes the rest"), res.message());
        assertTrue(res.message().contains("the index sets failed (WRONGTYPE"), res.message());
        assertEquals(1, audit(r(), id).size(), "the audit entry does not wait for the index");
        assertEquals("3", r().hget(KeySchema.healthKey(id), "restart_count"));
        assertEquals(1, recovery().check().join().size());

        RecoveryReport stuck = recovery().recover().join();
        assertEquals(1, stuck.incomplete().size(), stuck.toString());
        assertEquals(1, recovery().check().join().size(), "still pending while the set is broken");

        r().del(KeySchema.stateSetKey("restarting"));
        assertEquals(1, recovery().recover().join().completed().size());
        assertCompletedOnce(id);
        assertEquals(List.of(), recovery().check().join());
    }

    @Test
    void saddDeniedAfterTheDecisionIsCompletedOnceAllowedAgain() {
        String id = idAcrossMasters(CLUSTER.cluster());
        seed(r(), id, "crashed");
        CLUSTER.cluster().masters().forEach(n -> n.call("ACL", "SETUSER", "op", "on", ">pw", "~*", "&*", "+@all"));
        RedisClusterClient opClient = RedisClusterClient.create("redis://op:pw@127.0.0.1:" + CLUSTER.cluster().masters().get(0).port());
        try (StatefulRedisClusterConnection<String, String> c = opClient.connect()) {
            SlotSafeTransitions asOp = new SlotSafeTransitions(c.async(), table, "cluster");
            SlotSafeTransitions.Begun begun = asOp.begin(request(id, "crashed", InstanceState.RUNNING, "alice")).join();
            PendingTransition p = ((SlotSafeTransitions.Changed) begun).pending();
            CLUSTER.cluster().masters().forEach(n -> n.call("ACL", "SETUSER", "op", "-sadd"));

            TransitionResult res = asOp.complete(p).join();
            assertEquals(Outcome.SERVER_ERROR, res.outcome(), res.message());
            assertTrue(res.deniedByAcl(), res.message());
            assertEquals("running", r().hget(KeySchema.instanceKey(id), "state"));
            assertEquals(List.of(), statesHolding(r(), id), "removed from crashed, not yet added to running");
            assertEquals("op", audit(r(), id).get(0).getBody().get("redis_user"));
            assertEquals(1, recovery().check().join().size());

            CLUSTER.cluster().masters().forEach(n -> n.call("ACL", "SETUSER", "op", "+sadd"));
            assertEquals(1, new TransitionRecovery(c.async(), asOp).recover().join().completed().size());
        } finally {
            opClient.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
        assertEquals(List.of("running"), statesHolding(r(), id));
        assertEquals(1, audit(r(), id).size());
        assertEquals("2", r().hget(KeySchema.healthKey(id), "restart_count"), "no restart was marked");
        assertEquals(List.of(), recovery().check().join());
    }

    @Test
    void aLaterAttemptCompletesAnInterruptedTransitionFirst() {
        String id = idAcrossMasters(CLUSTER.cluster());
        seed(r(), id, "running");
        changeOnly(id, "running", InstanceState.STOPPED, "alice");
        SlotSafeTransitions helping = new SlotSafeTransitions(CLUSTER.async(), table, CLUSTER.cluster().uri(), Duration.ZERO);

        TransitionResult res = helping.apply(request(id, "running", InstanceState.CRASHED, "bob")).join();
        assertEquals(Outcome.CONFLICT, res.outcome(), res.message());
        assertTrue(res.message().contains("had not been completed"), res.message());
        assertEquals(0L, r().exists(TransitionKeys.pending(id)));
        assertEquals(List.of("stopped"), statesHolding(r(), id));
        assertEquals(1, audit(r(), id).size());
        assertEquals(Outcome.DONE, helping.apply(request(id, "stopped", InstanceState.RUNNING, "bob")).join().outcome());
    }

    @Test
    void unreadablePendingRecordIsReportedAndBlocksTheInstance() {
        String id = idAcrossMasters(CLUSTER.cluster());
        seed(r(), id, "running");
        r().set(TransitionKeys.pending(id), "left by hand");
        List<Problem> found = recovery().check().join();
        assertEquals(1, found.size());
        assertTrue(found.get(0).message().contains("is not a hash"), found.get(0).message());
        assertEquals(Outcome.REFUSED, transitions().apply(request(id, "running", InstanceState.STOPPED, "bob")).join().outcome());
        RecoveryReport report = recovery().recover().join();
        assertEquals(1, report.incomplete().size(), report.toString());
        assertEquals("running", r().hget(KeySchema.instanceKey(id), "state"));
        assertEquals("left by hand", r().get(TransitionKeys.pending(id)), "recovery deletes nothing it cannot read");
    }

    private static void assertCompletedOnce(String id) {
        assertEquals("restarting", r().hget(KeySchema.instanceKey(id), "state"));
        assertEquals(List.of("restarting"), statesHolding(r(), id));
        assertEquals("3", r().hget(KeySchema.healthKey(id), "restart_count"));
        assertEquals(1, audit(r(), id).size());
        Map<String, String> e = audit(r(), id).get(0).getBody();
        assertEquals("running", e.get("from"));
        assertEquals("restarting", e.get("to"));
        assertEquals("3", e.get("restart_count"));
        assertEquals("alice", e.get("operator"));
        assertEquals(r().hget(KeySchema.instanceKey(id), "last_updated_at"), e.get("time"));
        assertEquals(0L, r().exists(TransitionKeys.pending(id)));
    }
}
