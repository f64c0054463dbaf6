package com.mt5ops.console.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.ExpectedState;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a transition may leave behind in Redis, run against each server version: every check before the first
 * write, the audit entry before the state, the ACL, the CAS on a missing state, and what the audit entry records.
 */
abstract class TransitionSafetyContract {
    private final TransitionTable table = new TransitionTable();

    abstract RedisExtension redis();

    /** Redis 7 can ask the ACL from inside the script; 6.2 cannot. */
    abstract boolean scriptCanAskAcl();

    /** ACL rules (after "on >pw ~* &* +@all") that deny SREM on instance:state:crashed, as narrowly as the version can. */
    abstract String[] deniesSremOnTheCrashedSet();

    /** Everything a transition could touch, to compare before and after. */
    private Map<String, Object> everything(String id) {
        RedisCommands<String, String> r = redis().redis();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("instance", r.type(KeySchema.instanceKey(id)).equals("hash") ? r.hgetall(KeySchema.instanceKey(id)) : r.type(KeySchema.instanceKey(id)));
        all.put("health", r.type(KeySchema.healthKey(id)).equals("hash") ? r.hgetall(KeySchema.healthKey(id)) : r.type(KeySchema.healthKey(id)));
        for (InstanceState s : InstanceState.values()) {
            String key = KeySchema.stateSetKey(s.wire());
            all.put(key, r.type(key).equals("set") ? r.smembers(key) : r.type(key));
        }
        String audit = KeySchema.AUDIT_STREAM;
        all.put(audit, r.type(audit).equals("stream") ? r.xrange(audit, Range.create("-", "+")).stream().map(StreamMessage::getId).toList() : r.type(audit));
        return all;
    }

    private TransitionResult apply(String uri, String id, ExpectedState expected, InstanceState to, boolean restart) {
        try (RedisConnector connector = new RedisConnector(RedisEndpoint.parse(uri));
             TransitionService s = new TransitionService(connector, table)) {
            return s.apply(new TransitionRequest(id, expected, to, restart, "mallory", "test-host", "contract")).join();
        }
    }

    private TransitionResult apply(String id, ExpectedState expected, InstanceState to, boolean restart) {
        return apply(redis().uri(), id, expected, to, restart);
    }

    private String userUri(String name, String... rules) {
        String[] all = new String[rules.length + 5];
        System.arraycopy(new String[] {"on", ">pw", "~*", "&*", "+@all"}, 0, all, 0, 5);
        System.arraycopy(rules, 0, all, 5, rules.length);
        redis().redis().dispatch(io.lettuce.core.protocol.CommandType.ACL, new io.lettuce.core.output.StatusOutput<>(io.lettuce.core.codec.StringCodec.UTF8),
                new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.StringCodec.UTF8).add("SETUSER").add(name).addValues(all));
        return "redis://" + name + ":pw@127.0.0.1:" + redis().server().port() + "/0";
    }

    @Test
    void runsOnTheVersionItNames() {
        String version = redis().version();
        assertTrue(version.startsWith(scriptCanAskAcl() ? "7." : "6.2"), version);
    }

    @ParameterizedTest(name = "restart_count ''{0}''")
    @ValueSource(strings = {"007", "9223372036854775807", "99999999999999999999", "-0", "+1", " 1", "1 ", "", "1.0",
        "-9223372036854775809"})
    void restartCountRedisWouldNotIncrementIsRefusedWithNothingWritten(String count) {
        RedisCommands<String, String> r = redis().redis();
        String id = Fixtures.instance(r, "running");
        r.hset(KeySchema.healthKey(id), "restart_count", count);
        Map<String, Object> before = everything(id);
        TransitionResult res = apply(id, ExpectedState.is("running"), InstanceState.RESTARTING, true);
        assertEquals(Outcome.REFUSED, res.outcome(), res.message());
        assertEquals(6, res.outcome().exitCode());
        assertTrue(res.message().contains("restart_count"), res.message());
        assertEquals(before, everything(id), "state, sets, count and audit unchanged");
    }

    @ParameterizedTest(name = "{0} + 1 = {1}")
    @CsvSource({"0,1", "9,10", "199,200", "-1,0", "-10,-9", "9223372036854775806,9223372036854775807",
        "-9223372036854775808,-9223372036854775807", "<absent>,1"})
    void restartCountRedisAcceptsIsCountedExactlyAndAudited(String count, String after) {
        RedisCommands<String, String> r = redis().redis();
        String id = Fixtures.instance(r, "crashed");
        if (count.equals("<absent>")) {
            r.hdel(KeySchema.healthKey(id), "restart_count");
        } else {
            r.hset(KeySchema.healthKey(id), "restart_count", count);
        }
        TransitionResult res = apply(id, ExpectedState.is("crashed"), InstanceState.RESTARTING, true);
        assertEquals(Outcome.DONE, res.outcome(), res.message());
        assertEquals(after, r.hget(KeySchema.healthKey(id), "restart_count"));
        assertEquals(after, r.xrange(KeySchema.AUDIT_STREAM, Range.create("-", "+")).get(0).getBody().get("restart_count"));
    }

    @Test
    void auditKeyOfTheWrongTypeIsRefusedWithNothingWritten() {
        RedisCommands<String, String> r = redis().redis();
        String id = Fixtures.instance(r, "running");
        r.set(KeySchema.AUDIT_STREAM, "not a stream");
        Map<String, Object> before = everything(id);
        TransitionResult res = apply(id, ExpectedState.ANY, InstanceState.STOPPED, false);
        assertEquals(Outcome.REFUSED, res.outcome(), res.message());
        assertTrue(res.message().contains("console:audit"), res.message());
        assertEquals(before, everything(id));
        assertEquals("not a stream", r.get(KeySchema.AUDIT_STREAM));
    }

    @Test
    void stateSetOfTheWrongTypeIsRefusedWithNothingWritten() {
        RedisCommands<String, String> r = redis().redis();
        String id = Fixtures.instance(r, "running");
        r.hset(KeySchema.stateSetKey("crashed"), "not", "a set");
        Map<String, Object> before = everything(id);
        TransitionResult res = apply(id, ExpectedState.ANY, InstanceState.STOPPED, false);
        assertEquals(Outcome.REFUSED, res.outcome(), res.message());
        assertEquals(before, everything(id));
    }

    @Test
    void sremDeniedOnOneStateSetNeverLeavesAStateWithoutItsAudit() {
        RedisCommands<String, String> r = redis().redis();
        String id = Fixtures.instance(r, "running");
        Map<String, Object> before = everything(id);
        TransitionResult res = apply(userUri("nosrem", deniesSremOnTheCrashedSet()), id, ExpectedState.is("running"), InstanceState.STOPPED, false);
        if (scriptCanAskAcl()) {
            assertEquals(Outcome.DENIED, res.outcome(), res.message());
            assertEquals(before, everything(id), "Redis 7: a denied user changes nothing at all");
            return;
        }
        // Redis 6.2: the audit entry and the state went first; the denial stopped the index update.
        assertEquals(Outcome.SERVER_ERROR, res.outcome(), res.message());
        assertEquals(7, res.outcome().exitCode());
        assertTrue(res.deniedByAcl(), res.message());
        assertTrue(res.message().contains("written: audit entry") && res.message().contains("not written: SREM"), res.message());
        assertEquals("stopped", r.hget(KeySchema.instanceKey(id), "state"));
        Map<String, String> entry = onlyAuditEntry(r);
        assertEquals(id, entry.get("instance_id"));
        assertEquals("running", entry.get("from"));
        assertEquals("stopped", entry.get("to"));
        assertEquals("nosrem", entry.get("redis_user"));
    }

    @Test
    void xaddDeniedChangesNothing() {
        RedisCommands<String, String> r = redis().redis();
        String id = Fixtures.instance(r, "running");
        Map<String, Object> before = everything(id);
        TransitionResult res = apply(userUri("noxadd", "-xadd"), id, ExpectedState.is("running"), InstanceState.STOPPED, false);
        assertEquals(Outcome.DENIED, res.outcome(), res.message());
        assertEquals(5, res.outcome().exitCode());
        assertFalse(res.message().contains("cannot connect"), res.message());
        assertEquals(before, everything(id));
    }

    @Test
    void hsetDeniedNeverChangesTheState() {
        RedisCommands<String, String> r = redis().redis();
        String id = Fixtures.instance(r, "running");
        Map<String, Object> before = everything(id);
        TransitionResult res = apply(userUri("nohset", "-hset"), id, ExpectedState.is("running"), InstanceState.STOPPED, false);
        assertEquals("running", r.hget(KeySchema.instanceKey(id), "state"));
        assertEquals(Set.of(id), r.smembers(KeySchema.stateSetKey("running")));
        if (scriptCanAskAcl()) {
            assertEquals(Outcome.DENIED, res.outcome(), res.message());
            assertEquals(before, everything(id));
        } else {
            // Redis 6.2: only the audit entry was written, and the result says so.
            assertEquals(Outcome.SERVER_ERROR, res.outcome(), res.message());
            assertTrue(res.message().contains("written: audit entry") && res.message().contains("not written: HSET"), res.message());
            assertEquals("stopped", onlyAuditEntry(r).get("to"));
        }
    }

    @Test
    void outOfMemoryStopsTheFirstWriteSoNothingIsWritten() {
        RedisCommands<String, String> r = redis().redis();
        String id = Fixtures.instance(r, "running");
        Map<String, Object> before = everything(id);
        r.configSet("maxmemory", "1");
        TransitionResult res;
        try {
            res = apply(id, ExpectedState.is("running"), InstanceState.STOPPED, false);
        } finally {
            r.configSet("maxmemory", "0");
        }
        assertEquals(Outcome.SERVER_ERROR, res.outcome(), res.message());
        assertTrue(res.message().contains("OOM") && res.message().endsWith("nothing was written"), res.message());
        assertFalse(res.message().contains("cannot connect"), res.message());
        assertEquals(before, everything(id));
    }

    @Test
    void missingStateComparesAsMissingNeverAsAny() {
        RedisCommands<String, String> r = redis().redis();
        String id = Fixtures.instance(r, "crashed");
        // What the window sends for an instance it saw without a state field; the field appeared since.
        TransitionResult gui = apply(id, ExpectedState.seen(null), InstanceState.RESTARTING, true);
        assertEquals(Outcome.CONFLICT, gui.outcome(), gui.message());
        assertTrue(gui.message().contains("'crashed'"), gui.message());
        assertEquals("crashed", r.hget(KeySchema.instanceKey(id), "state"));
        assertEquals("2", r.hget(KeySchema.healthKey(id), "restart_count"));
        assertEquals(0, r.exists(KeySchema.AUDIT_STREAM));

        r.hdel(KeySchema.instanceKey(id), "state");
        TransitionResult present = apply(id, ExpectedState.is(""), InstanceState.RUNNING, false);
        assertEquals(Outcome.CONFLICT, present.outcome(), "an empty expected state is not a missing one: " + present.message());
        TransitionResult stillMissing = apply(id, ExpectedState.MISSING, InstanceState.RUNNING, false);
        assertEquals(Outcome.NOT_ALLOWED, stillMissing.outcome(), stillMissing.message());
        assertEquals(0, r.exists(KeySchema.AUDIT_STREAM));

        r.hset(KeySchema.instanceKey(id), "state", "crashed");
        TransitionResult any = apply(id, ExpectedState.ANY, InstanceState.RUNNING, false);
        assertEquals(Outcome.DONE, any.outcome(), "only 'any' compares nothing: " + any.message());
    }

    @Test
    void auditEntryRecordsTheRedisUserAndTheServerClock() {
        RedisCommands<String, String> r = redis().redis();
        String id = Fixtures.instance(r, "crashed");
        TransitionResult res = apply(userUri("operator1"), id, ExpectedState.is("crashed"), InstanceState.RESTARTING, true);
        assertEquals(Outcome.DONE, res.outcome(), res.message());
        StreamMessage<String, String> m = r.xrange(KeySchema.AUDIT_STREAM, Range.create("-", "+")).get(0);
        Map<String, String> e = m.getBody();
        assertEquals(List.of("instance_id", "from", "to", "reason", "restart_count", "operator", "redis_user", "host", "time"),
                List.copyOf(e.keySet()), "the fields of cli.md");
        assertEquals("mallory", e.get("operator"), "what the operator claims");
        assertEquals("operator1", e.get("redis_user"), "who the server authenticated");
        assertEquals("3", e.get("restart_count"));
        long idSecond = Long.parseLong(m.getId().substring(0, m.getId().indexOf('-'))) / 1000;
        long timeSecond = Instant.parse(e.get("time")).getEpochSecond();
        assertTrue(idSecond == timeSecond || idSecond == timeSecond + 1, "time " + e.get("time") + " vs stream id " + m.getId());
        assertEquals(e.get("time"), r.hget(KeySchema.instanceKey(id), "last_updated_at"), "one server time for both");

        String other = Fixtures.instance(r, "running");
        assertEquals(Outcome.DONE, apply(other, ExpectedState.ANY, InstanceState.STOPPED, false).outcome());
        assertEquals("default", r.xrevrange(KeySchema.AUDIT_STREAM, Range.create("-", "+")).get(0).getBody().get("redis_user"));
        assertEquals("", r.xrevrange(KeySchema.AUDIT_STREAM, Range.create("-", "+")).get(0).getBody().get("restart_count"),
                "empty when not a marking");
    }

    @Test
    void redisUserComesFromClientInfoWhenAclWhoamiIsDenied() {
        RedisCommands<String, String> r = redis().redis();
        String id = Fixtures.instance(r, "running");
        TransitionResult res = apply(userUri("operator2", "-acl"), id, ExpectedState.ANY, InstanceState.STOPPED, false);
        assertEquals(Outcome.DONE, res.outcome(), res.message());
        assertEquals("operator2", onlyAuditEntry(r).get("redis_user"));
        assertNull(onlyAuditEntry(r).get("action"));
    }

    private static Map<String, String> onlyAuditEntry(RedisCommands<String, String> r) {
        List<StreamMessage<String, String>> all = r.xrange(KeySchema.AUDIT_STREAM, Range.create("-", "+"));
        assertEquals(1, all.size(), "one audit entry");
        return all.get(0).getBody();
    }
}
