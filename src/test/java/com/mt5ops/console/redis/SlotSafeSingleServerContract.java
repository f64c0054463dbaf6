package com.mt5ops.console.redis;

import static com.mt5ops.console.redis.SlotTestSupport.audit;
import static com.mt5ops.console.redis.SlotTestSupport.everything;
import static com.mt5ops.console.redis.SlotTestSupport.request;
import static com.mt5ops.console.redis.SlotTestSupport.seed;
import static com.mt5ops.console.redis.SlotTestSupport.statesHolding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.ProblemCode;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The slot-safe protocol on one plain Redis (no cluster): the same outcomes, the same keys, the same recovery. */
abstract class SlotSafeSingleServerContract {
    private final TransitionTable table = new TransitionTable();

    abstract RedisExtension redis();

    /** Redis 7 can ask the ACL from inside the script; 6.2 cannot. */
    abstract boolean scriptCanAskAcl();

    private RedisCommands<String, String> r() {
        return redis().redis();
    }

    private <T> T over(String uri, Function<StatefulRedisConnection<String, String>, T> use) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return use.apply(c);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    @Test
    void markedRestartCompletesEveryStep() {
        String id = Fixtures.newId();
        seed(r(), id, "crashed");
        TransitionResult res = over(redis().uri(), c -> new SlotSafeTransitions(c.async(), table, "redis")
                .apply(request(id, "crashed", InstanceState.RESTARTING, "alice")).join());
        assertEquals(Outcome.DONE, res.outcome(), res.message());
        assertEquals("restarting", r().hget(KeySchema.instanceKey(id), "state"));
        assertEquals(List.of("restarting"), statesHolding(r(), id));
        assertEquals("3", r().hget(KeySchema.healthKey(id), "restart_count"));
        assertEquals(1, audit(r(), id).size());
        Map<String, String> e = audit(r(), id).get(0).getBody();
        assertEquals("crashed", e.get("from"));
        assertEquals("3", e.get("restart_count"));
        assertEquals("default", e.get("redis_user"));
        assertEquals(r().hget(KeySchema.instanceKey(id), "last_updated_at"), e.get("time"));
        assertEquals(0L, r().exists(TransitionKeys.pending(id)));
    }

    @Test
    void consoleKilledAfterTheDecisionIsCompletedByRecovery() {
        String id = Fixtures.newId();
        seed(r(), id, "running");
        over(redis().uri(), c -> {
            SlotSafeTransitions t = new SlotSafeTransitions(c.async(), table, "redis");
            TransitionRecovery recovery = new TransitionRecovery(c.async(), t);
            assertTrue(t.begin(request(id, "running", InstanceState.RESTARTING, "alice")).join() instanceof SlotSafeTransitions.Changed);
            assertEquals(List.of(ProblemCode.TRANSITION_PENDING), recovery.check().join().stream().map(p -> p.code()).toList());
            assertEquals(1, recovery.recover().join().completed().size());
            assertEquals(List.of(), recovery.check().join());
            assertEquals(0, recovery.recover().join().found());
            return null;
        });
        assertEquals(List.of("restarting"), statesHolding(r(), id));
        assertEquals("3", r().hget(KeySchema.healthKey(id), "restart_count"));
        assertEquals(1, audit(r(), id).size());
    }

    @Test
    void userDeniedSaddCannotLeaveTheIndexBehind() {
        String id = Fixtures.newId();
        seed(r(), id, "running");
        r().dispatch(io.lettuce.core.protocol.CommandType.ACL, new io.lettuce.core.output.StatusOutput<>(io.lettuce.core.codec.StringCodec.UTF8),
                new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.StringCodec.UTF8).add("SETUSER").add("op")
                        .add("on").add(">pw").add("~*").add("&*").add("+@all").add("-sadd"));
        Map<String, String> before = everything(List.of(r()));
        String uri = "redis://op:pw@127.0.0.1:" + redis().server().port() + "/0";
        TransitionResult res = over(uri, c -> new SlotSafeTransitions(c.async(), table, "redis")
                .apply(request(id, "running", InstanceState.STOPPED, "eve")).join());
        if (scriptCanAskAcl()) {
            assertEquals(Outcome.DENIED, res.outcome(), res.message());
            assertEquals(before, everything(List.of(r())), "nothing was written");
            return;
        }
        // 6.2 cannot ask: the state changes with its pending record, the index step is denied, the rest is written.
        assertEquals(Outcome.SERVER_ERROR, res.outcome(), res.message());
        assertTrue(res.deniedByAcl(), res.message());
        assertEquals("stopped", r().hget(KeySchema.instanceKey(id), "state"));
        assertEquals(1, audit(r(), id).size());
        RecoveryReport report = over(redis().uri(), c -> new TransitionRecovery(c.async(),
                new SlotSafeTransitions(c.async(), table, "redis")).recover().join());
        assertEquals(1, report.completed().size(), report.toString());
        assertEquals(List.of("stopped"), statesHolding(r(), id));
        assertEquals(1, audit(r(), id).size());
    }
}
