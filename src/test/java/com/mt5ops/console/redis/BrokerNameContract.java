package com.mt5ops.console.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.BrokerRename;
import com.mt5ops.console.model.BrokerRenameResult;
import com.mt5ops.console.model.ExpectedState;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The audited broker rename, on each Redis the console supports: checks before any write, the audit entry first,
 * compare-and-set on the name shown.
 */
abstract class BrokerNameContract {
    private static final String BROKER = Fixtures.BROKER;

    abstract RedisExtension redis();

    /** Redis 7 can ask the ACL from inside the script; 6.2 cannot. */
    abstract boolean scriptCanAskAcl();

    private BrokerRenameResult rename(String uri, ExpectedState expected, String name) {
        try (RedisConnector connector = new RedisConnector(RedisEndpoint.parse(uri));
             BrokerNameService s = new BrokerNameService(connector)) {
            return s.apply(new BrokerRename(BROKER, expected, name, "alice", "test-host", "new desk")).join();
        }
    }

    private BrokerRenameResult rename(ExpectedState expected, String name) {
        return rename(redis().uri(), expected, name);
    }

    private List<StreamMessage<String, String>> audit() {
        return redis().redis().xrange(KeySchema.AUDIT_STREAM, Range.create("-", "+"));
    }

    @Test
    void renameWritesTheNameAndOneAuditEntryFirstWithTheServerTimeAndUser() {
        BrokerRenameResult r = rename(ExpectedState.MISSING, "ICMarkets live 3");
        assertEquals(Outcome.DONE, r.outcome(), r.message());
        assertEquals("ICMarkets live 3", redis().redis().hget(KeySchema.BROKER_NAMES, BROKER));
        List<StreamMessage<String, String>> entries = audit();
        assertEquals(1, entries.size());
        Map<String, String> e = entries.get(0).getBody();
        assertEquals("broker-name", e.get("action"));
        assertEquals(BROKER, e.get("broker_id"));
        assertEquals("", e.get("from"));
        assertEquals("ICMarkets live 3", e.get("to"));
        assertEquals("new desk", e.get("reason"));
        assertEquals("alice", e.get("operator"));
        assertEquals("default", e.get("redis_user"));
        assertEquals("test-host", e.get("host"));
        assertTrue(e.get("time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), e.get("time"));
        long streamSecond = Long.parseLong(entries.get(0).getId().split("-")[0]) / 1000;
        assertEquals(streamSecond, java.time.Instant.parse(e.get("time")).getEpochSecond(), 1, "the server's clock, as the stream id");

        BrokerRenameResult again = rename(ExpectedState.is("ICMarkets live 3"), "");
        assertEquals(Outcome.DONE, again.outcome(), again.message());
        assertNull(redis().redis().hget(KeySchema.BROKER_NAMES, BROKER), "an empty name removes it");
        Map<String, String> second = audit().get(1).getBody();
        assertEquals("ICMarkets live 3", second.get("from"));
        assertEquals("", second.get("to"));
    }

    @Test
    void aNameChangedUnderneathIsAConflictWithNothingWritten() {
        RedisCommands<String, String> r = redis().redis();
        r.hset(KeySchema.BROKER_NAMES, BROKER, "Someone else's");
        BrokerRenameResult res = rename(ExpectedState.MISSING, "Mine");
        assertEquals(Outcome.CONFLICT, res.outcome(), res.message());
        assertEquals("Someone else's", res.nameNow());
        res = rename(ExpectedState.is("Older"), "Mine");
        assertEquals(Outcome.CONFLICT, res.outcome(), res.message());
        assertEquals("Someone else's", r.hget(KeySchema.BROKER_NAMES, BROKER));
        assertEquals(0, r.exists(KeySchema.AUDIT_STREAM));
    }

    @Test
    void badNamesAndKeysOfTheWrongTypeAreRefusedBeforeAnyWrite() {
        RedisCommands<String, String> r = redis().redis();
        assertEquals(Outcome.NOT_ALLOWED, rename(ExpectedState.MISSING, "x".repeat(65)).outcome(), "over 64 characters");
        assertEquals(Outcome.NOT_ALLOWED, rename(ExpectedState.MISSING, "evil\u001b[2J").outcome(), "a control character");
        assertEquals(Outcome.NOT_ALLOWED, rename(ExpectedState.MISSING, "\u202egnp.exe").outcome(), "a bidi override");
        assertEquals(Outcome.NOT_ALLOWED, rename(ExpectedState.MISSING, "").outcome(), "no name to remove");
        r.set(KeySchema.BROKER_NAMES, "not a hash");
        BrokerRenameResult res = rename(ExpectedState.MISSING, "Fine");
        assertEquals(Outcome.REFUSED, res.outcome(), res.message());
        r.del(KeySchema.BROKER_NAMES);
        r.set(KeySchema.AUDIT_STREAM, "not a stream");
        res = rename(ExpectedState.MISSING, "Fine");
        assertEquals(Outcome.REFUSED, res.outcome(), res.message());
        assertEquals(0, r.exists(KeySchema.BROKER_NAMES), "nothing written");
    }

    @Test
    void aUserWhoMayNotWriteTheAuditIsDeniedWithNothingWritten() {
        RedisCommands<String, String> r = redis().redis();
        r.aclSetuser("viewer", io.lettuce.core.AclSetuserArgs.Builder.on().addPassword("pw").allKeys().allChannels().allCommands()
                .removeCommand(io.lettuce.core.protocol.CommandType.XADD));
        BrokerRenameResult res = rename("redis://viewer:pw@127.0.0.1:" + redis().server().port() + "/0", ExpectedState.MISSING, "Mine");
        assertEquals(Outcome.DENIED, res.outcome(), res.message());
        assertTrue(res.deniedByAcl());
        assertEquals(0, r.exists(KeySchema.BROKER_NAMES));
        assertEquals(0, r.exists(KeySchema.AUDIT_STREAM));
    }

    @Test
    void aUserWhoMayNotSetTheNameChangesNothingOrHasItSaid() {
        RedisCommands<String, String> r = redis().redis();
        r.aclSetuser("clerk", io.lettuce.core.AclSetuserArgs.Builder.on().addPassword("pw").allKeys().allChannels().allCommands()
                .removeCommand(io.lettuce.core.protocol.CommandType.HSET));
        BrokerRenameResult res = rename("redis://clerk:pw@127.0.0.1:" + redis().server().port() + "/0", ExpectedState.MISSING, "Mine");
        assertTrue(res.deniedByAcl(), res.message());
        assertEquals(0, r.exists(KeySchema.BROKER_NAMES), "the name unchanged");
        if (scriptCanAskAcl()) {
            assertEquals(Outcome.DENIED, res.outcome(), res.message());
            assertEquals(0, r.exists(KeySchema.AUDIT_STREAM), "asked first: nothing written");
        } else {
            assertEquals(Outcome.SERVER_ERROR, res.outcome(), res.message());
            assertTrue(res.message().contains("written: audit entry") && res.message().contains("the name is unchanged"), res.message());
            assertEquals(1, audit().size(), "the audit entry went first");
        }
    }

    @Test
    void namesAreReadBoundedAndHostileOnesCut() {
        RedisCommands<String, String> r = redis().redis();
        r.hset(KeySchema.BROKER_NAMES, Map.of(BROKER, "Desk A", "other", "y".repeat(10_000)));
        Map<String, String> names = BrokerNameReader.read(r);
        assertEquals("Desk A", names.get(BROKER));
        assertEquals(257, names.get("other").length(), "cut at 256 characters and marked");
        assertEquals(names, BrokerNameReader.readOnce(RedisEndpoint.parse(redis().uri())), "the one-shot read agrees");
        r.del(KeySchema.BROKER_NAMES);
        r.set(KeySchema.BROKER_NAMES, "wrong type");
        assertEquals(Map.of(), BrokerNameReader.readOnce(RedisEndpoint.parse(redis().uri())), "unreadable: no names, no failure");
    }
}
