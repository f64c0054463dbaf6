package com.mt5ops.console.redis;

import static com.mt5ops.console.redis.SlotTestSupport.audit;
import static com.mt5ops.console.redis.SlotTestSupport.everything;
import static com.mt5ops.console.redis.SlotTestSupport.idAcrossMasters;
import static com.mt5ops.console.redis.SlotTestSupport.masters;
import static com.mt5ops.console.redis.SlotTestSupport.request;
import static com.mt5ops.console.redis.SlotTestSupport.seed;
import static com.mt5ops.console.redis.SlotTestSupport.statesHolding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.model.TransitionTable;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transitions across slots on a real three-master Redis Cluster: the decision, every follow-up step, races, refusals. */
class SlotSafeTransitionsClusterTest {
    @RegisterExtension
    static final EmptiedCluster CLUSTER = new EmptiedCluster();
    private final TransitionTable table = new TransitionTable();

    private static RedisAdvancedClusterCommands<String, String> r() {
        return CLUSTER.sync();
    }

    private SlotSafeTransitions transitions() {
        return new SlotSafeTransitions(CLUSTER.async(), table, CLUSTER.cluster().uri());
    }

    @Test
    void pendingRecordSharesTheInstanceSlotAndTheRestDoNot() {
        String id = idAcrossMasters(CLUSTER.cluster());
        assertEquals(r().clusterKeyslot(KeySchema.instanceKey(id)), r().clusterKeyslot(TransitionKeys.pending(id)));
        assertEquals(r().clusterKeyslot(KeySchema.healthKey(id)), r().clusterKeyslot(TransitionKeys.counted(id)));
        assertNotEquals(r().clusterKeyslot(KeySchema.instanceKey(id)), r().clusterKeyslot(KeySchema.AUDIT_STREAM));
        // Why the single-server script cannot run here: its keys span slots.
        seed(r(), id, "running");
        RedisCommandExecutionException crossSlot = assertThrows(RedisCommandExecutionException.class, () -> r().eval(
                new LuaScript("transition.lua").source(), ScriptOutputType.MULTI,
                StateSets.keysAfter(KeySchema.instanceKey(id), KeySchema.healthKey(id), KeySchema.AUDIT_STREAM)));
        assertTrue(crossSlot.getMessage().contains("CROSSSLOT"), crossSlot.getMessage());
    }

    @Test
    void markedRestartWritesStateIndexCountAndOneAuditEntry() {
        String id = idAcrossMasters(CLUSTER.cluster());
        seed(r(), id, "running");
        TransitionResult res = transitions().apply(request(id, "running", InstanceState.RESTARTING, "alice")).join();

        assertEquals(Outcome.DONE, res.outcome(), res.message());
        assertEquals("restarting", res.stateNow());
        assertEquals("restarting", r().hget(KeySchema.instanceKey(id), "state"));
        assertEquals(List.of("restarting"), statesHolding(r(), id));
        assertEquals("3", r().hget(KeySchema.healthKey(id), "restart_count"));
        assertEquals(0L, r().exists(TransitionKeys.pending(id)));
        List<StreamMessage<String, String>> entries = audit(r(), id);
        assertEquals(1, entries.size());
        Map<String, String> e = entries.get(0).getBody();
        assertEquals(List.of("instance_id", "from", "to", "reason", "restart_count", "operator", "redis_user", "host", "time", "txn"),
                List.copyOf(e.keySet()));
        assertEquals("running", e.get("from"));
        assertEquals("restarting", e.get("to"));
        assertEquals("slot test", e.get("reason"));
        assertEquals("3", e.get("restart_count"));
        assertEquals("alice", e.get("operator"));
        assertEquals("default", e.get("redis_user"));
        assertEquals("test-host", e.get("host"));
        assertTrue(e.get("time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), e.get("time"));
        assertEquals(r().hget(KeySchema.instanceKey(id), "last_updated_at"), e.get("time"));
        assertFalse(e.get("txn").isEmpty());
        assertTrue(r().hexists(TransitionKeys.counted(id), e.get("txn")), "the count remembers its transaction");

        TransitionResult back = transitions().apply(request(id, "restarting", InstanceState.RUNNING, "bob")).join();
        assertEquals(Outcome.DONE, back.outcome(), back.message());
        assertEquals(List.of("running"), statesHolding(r(), id));
        assertEquals("3", r().hget(KeySchema.healthKey(id), "restart_count"));
        List<StreamMessage<String, String>> both = audit(r(), id);
        assertEquals(2, both.size());
        assertEquals("", both.get(1).getBody().get("restart_count"));
        assertNotEquals(e.get("txn"), both.get(1).getBody().get("txn"));
    }

    @Test
    void eightWayRaceHasExactlyOneWinner() throws Exception {
        String id = idAcrossMasters(CLUSTER.cluster());
        seed(r(), id, "running");
        int racers = 8;
        InstanceState[] targets = {InstanceState.STOPPED, InstanceState.CRASHED, InstanceState.RESTARTING};
        List<StatefulRedisClusterConnection<String, String>> own = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TransitionResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                StatefulRedisClusterConnection<String, String> c = CLUSTER.connect();
                own.add(c);
                SlotSafeTransitions mine = new SlotSafeTransitions(c.async(), table, CLUSTER.cluster().uri());
                InstanceState to = targets[i % targets.length];
                String who = "op" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return mine.apply(request(id, "running", to, who)).join();
                }));
            }
            go.countDown();
            List<TransitionResult> winners = new ArrayList<>();
            for (Future<TransitionResult> f : results) {
                TransitionResult res = f.get();
                if (res.outcome() == Outcome.DONE) {
                    winners.add(res);
                } else {
                    assertEquals(Outcome.CONFLICT, res.outcome(), res.message());
                }
            }
            assertEquals(1, winners.size());
            String won = winners.get(0).stateNow();
            assertEquals(won, r().hget(KeySchema.instanceKey(id), "state"));
            assertEquals(List.of(won), statesHolding(r(), id));
            assertEquals(1, audit(r(), id).size());
            assertEquals(won, audit(r(), id).get(0).getBody().get("to"));
            assertEquals(won.equals("restarting") ? "3" : "2", r().hget(KeySchema.healthKey(id), "restart_count"));
            assertEquals(0L, r().exists(TransitionKeys.pending(id)));
        } finally {
            pool.shutdownNow();
            own.forEach(StatefulRedisClusterConnection::close);
        }
    }

    @Test
    void badRestartCountIsRefusedAndNothingIsWritten() {
        String id = idAcrossMasters(CLUSTER.cluster());
        seed(r(), id, "running");
        r().hset(KeySchema.healthKey(id), "restart_count", "007");
        Map<String, String> before = everything(masters(CLUSTER.cluster()));
        TransitionResult res = transitions().apply(request(id, "running", InstanceState.RESTARTING, "alice")).join();
        assertEquals(Outcome.REFUSED, res.outcome(), res.message());
        assertTrue(res.message().contains("leading zero"), res.message());
        assertEquals(before, everything(masters(CLUSTER.cluster())));
    }

    @Test
    void auditKeyOfTheWrongTypeIsRefusedAndNothingIsWritten() {
        String id = idAcrossMasters(CLUSTER.cluster());
        seed(r(), id, "running");
        r().set(KeySchema.AUDIT_STREAM, "not a stream");
        Map<String, String> before = everything(masters(CLUSTER.cluster()));
        TransitionResult res = transitions().apply(request(id, "running", InstanceState.STOPPED, "alice")).join();
        assertEquals(Outcome.REFUSED, res.outcome(), res.message());
        assertTrue(res.message().contains("console:audit is a string"), res.message());
        assertEquals(before, everything(masters(CLUSTER.cluster())));
    }

    @Test
    void outcomesComeInTheSingleServerOrder() {
        String id = idAcrossMasters(CLUSTER.cluster());
        r().set(KeySchema.AUDIT_STREAM, "not a stream");
        assertEquals(Outcome.NOT_FOUND, transitions().apply(request(id, "running", InstanceState.STOPPED, "a")).join().outcome());
        seed(r(), id, "running");
        assertEquals(Outcome.CONFLICT, transitions().apply(request(id, "crashed", InstanceState.STOPPED, "a")).join().outcome());
        assertEquals(Outcome.NOT_ALLOWED, transitions().apply(request(id, "running", InstanceState.RUNNING, "a")).join().outcome());
        assertEquals(Outcome.REFUSED, transitions().apply(request(id, "running", InstanceState.STOPPED, "a")).join().outcome());
    }

    @Test
    void userWhoCouldNotFinishIsDeniedBeforeAnyWrite() {
        String id = idAcrossMasters(CLUSTER.cluster());
        seed(r(), id, "running");
        CLUSTER.cluster().masters().forEach(n -> n.call("ACL", "SETUSER", "op", "on", ">pw", "~*", "&*", "+@all", "-sadd"));
        Map<String, String> before = everything(masters(CLUSTER.cluster()));
        RedisClusterClient opClient = RedisClusterClient.create("redis://op:pw@127.0.0.1:" + CLUSTER.cluster().masters().get(0).port());
        try (StatefulRedisClusterConnection<String, String> c = opClient.connect()) {
            TransitionResult res = new SlotSafeTransitions(c.async(), table, "cluster")
                    .apply(request(id, "running", InstanceState.STOPPED, "eve")).join();
            assertEquals(Outcome.DENIED, res.outcome(), res.message());
            assertTrue(res.message().contains("SADD"), res.message());
        } finally {
            opClient.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
        assertEquals(before, everything(masters(CLUSTER.cluster())));
    }
}
