package com.mt5ops.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransitionCommandTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final List<String> STATES = List.of("running", "stopped", "crashed", "restarting");

    @ParameterizedTest(name = "{0} -> {1} allowed={2}")
    @CsvSource({
        "stopped,running,true", "stopped,crashed,false", "stopped,restarting,false", "stopped,stopped,false",
        "running,stopped,true", "running,crashed,true", "running,restarting,true", "running,running,false",
        "crashed,running,true", "crashed,stopped,true", "crashed,restarting,true", "crashed,crashed,false",
        "restarting,running,true", "restarting,stopped,true", "restarting,crashed,true", "restarting,restarting,false"})
    void everyPairFollowsTheTransitionTable(String from, String to, boolean allowed) {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, from);
        Map<String, String> before = r.hgetall("instance:" + id);
        CliRun run = CliRun.of("transition", "--redis", REDIS.uri(), "--id", id, "--to", to, "--reason", "test", "--operator", "alice");
        if (allowed) {
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(to, r.hget("instance:" + id, "state"));
            for (String s : STATES) {
                assertEquals(s.equals(to), r.sismember("instance:state:" + s, id), "membership of " + s);
            }
            List<StreamMessage<String, String>> audit = r.xrange("console:audit", Range.create("-", "+"));
            assertEquals(1, audit.size());
            Map<String, String> entry = audit.get(0).getBody();
            assertEquals(id, entry.get("instance_id"));
            assertEquals("alice", entry.get("operator"));
            assertEquals(from, entry.get("from"));
            assertEquals(to, entry.get("to"));
            assertEquals("test", entry.get("reason"));
            assertTrue(entry.get("time").endsWith("Z"));
            assertTrue(entry.containsKey("host"));
            assertEquals("default", entry.get("redis_user"), "the user the server authenticated");
            assertEquals(entry.get("time"), r.hget("instance:" + id, "last_updated_at"), "the server's clock, once");
        } else {
            assertEquals(2, run.exitCode());
            assertEquals(1, run.errLines(), run.err());
            assertEquals(before, r.hgetall("instance:" + id), "nothing changes");
            assertEquals(Set.of(id), r.smembers("instance:state:" + from));
            assertEquals(0, r.exists("console:audit"));
        }
    }

    @Test
    void staleExpectedStateIsAConflictAndChangesNothing() {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "crashed");
        CliRun run = CliRun.of("transition", "--redis", REDIS.uri(), "--id", id, "--from", "running", "--to", "stopped");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("'crashed'"), run.err());
        assertEquals("crashed", r.hget("instance:" + id, "state"));
        assertEquals(0, r.exists("console:audit"));
    }

    @Test
    void markRestartMovesToRestartingAndCountsInOneStep() {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "crashed");
        CliRun run = CliRun.of("mark-restart", "--redis", REDIS.uri(), "--id", id, "--reason", "stuck after news");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("restarting", r.hget("instance:" + id, "state"));
        assertEquals("3", r.hget("instance_health:" + id, "restart_count"));
        assertEquals(Set.of(id), r.smembers("instance:state:restarting"));
        assertEquals(0, r.scard("instance:state:crashed"));
        Map<String, String> entry = r.xrange("console:audit", Range.create("-", "+")).get(0).getBody();
        assertEquals("restarting", entry.get("to"));
        assertEquals("3", entry.get("restart_count"));
        assertEquals("stuck after news", entry.get("reason"));
    }

    @Test
    void markRestartRefusesAGarbageRestartCountWithoutWriting() {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        r.hset("instance_health:" + id, "restart_count", "many");
        CliRun run = CliRun.of("mark-restart", "--redis", REDIS.uri(), "--id", id);
        assertEquals(ExitCodes.REFUSED, run.exitCode());
        assertTrue(run.err().contains("many"), run.err());
        assertEquals("running", r.hget("instance:" + id, "state"));
        assertEquals("many", r.hget("instance_health:" + id, "restart_count"));
        assertEquals(0, r.exists("console:audit"));
    }

    @Test
    void transitionOntoAnAuditKeyOfTheWrongTypeIsExitSixAndNeverCannotConnect() {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        r.lpush("console:audit", "a list, not a stream");
        CliRun run = CliRun.of("transition", "--redis", REDIS.uri(), "--id", id, "--to", "stopped");
        assertEquals(6, run.exitCode(), run.err());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().contains("console:audit") && run.err().contains("refused"), run.err());
        assertFalse(run.err().contains("cannot connect"), run.err());
        assertEquals("running", r.hget("instance:" + id, "state"));
        assertEquals(Set.of(id), r.smembers("instance:state:running"));
        assertEquals(0, r.exists("instance:state:stopped"));
    }

    @Test
    void redisFailingTheFirstWriteIsExitSevenAndSaysNothingWasWritten() {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        r.configSet("maxmemory", "1");
        CliRun run;
        try {
            run = CliRun.of("transition", "--redis", REDIS.uri(), "--id", id, "--to", "stopped");
        } finally {
            r.configSet("maxmemory", "0");
        }
        assertEquals(7, run.exitCode(), run.err());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().contains("OOM") && run.err().contains("nothing was written"), run.err());
        assertFalse(run.err().contains("cannot connect"), run.err());
        assertEquals("running", r.hget("instance:" + id, "state"));
        assertEquals(0, r.exists("console:audit"));
    }

    @Test
    void restartCountThatWouldOverflowIsExitSix() {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "crashed");
        r.hset("instance_health:" + id, "restart_count", "9223372036854775807");
        CliRun run = CliRun.of("mark-restart", "--redis", REDIS.uri(), "--id", id);
        assertEquals(6, run.exitCode(), run.err());
        assertFalse(run.err().contains("cannot connect"), run.err());
        assertEquals("crashed", r.hget("instance:" + id, "state"));
        assertEquals(0, r.exists("console:audit"));
    }

    @Test
    void missingInstanceIsExitFour() {
        CliRun run = CliRun.of("transition", "--redis", REDIS.uri(), "--id", Fixtures.newId(), "--to", "running");
        assertEquals(4, run.exitCode());
        assertEquals(1, run.errLines());
        CliRun withFrom = CliRun.of("transition", "--redis", REDIS.uri(), "--id", Fixtures.newId(), "--from", "stopped", "--to", "running");
        assertEquals(4, withFrom.exitCode());
        assertEquals(0, REDIS.redis().dbsize());
    }

    @Test
    void unknownTargetStateIsAUsageError() {
        CliRun run = CliRun.of("transition", "--redis", REDIS.uri(), "--id", Fixtures.newId(), "--to", "paused");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines(), run.err());
    }

    @Test
    void unreachableRedisIsExitFiveWithOneLine() {
        CliRun run = CliRun.of("snapshot", "--redis", "redis://127.0.0.1:1/0");
        assertEquals(5, run.exitCode());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().startsWith("error: cannot connect"), run.err());
    }

    @Test
    void malformedUriIsAUsageError() {
        CliRun run = CliRun.of("snapshot", "--redis", "http://nowhere");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines(), run.err());
    }
}
