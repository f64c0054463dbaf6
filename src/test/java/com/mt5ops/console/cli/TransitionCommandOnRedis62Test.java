package com.mt5ops.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.Range;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `transition` against Redis 6.2 (no ACL check from inside scripts): exit 6 and 7, and what they leave behind. */
class TransitionCommandOnRedis62Test {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.embedded62();

    @Test
    void refusedBeforeAnyWriteIsExitSix() {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        r.set("console:audit", "a string");
        CliRun run = CliRun.of("transition", "--redis", REDIS.uri(), "--id", id, "--to", "stopped");
        assertEquals(6, run.exitCode(), run.err());
        assertEquals(1, run.errLines(), run.err());
        assertFalse(run.err().contains("cannot connect"), run.err());
        assertEquals("running", r.hget("instance:" + id, "state"));
    }

    @Test
    void denialPartWayIsExitSevenAndSaysWhatWasWritten() {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        r.aclSetuser("nosrem", io.lettuce.core.AclSetuserArgs.Builder.on().addPassword("pw").allKeys().allChannels()
                .allCommands().removeCommand(io.lettuce.core.protocol.CommandType.SREM));
        String uri = "redis://nosrem:pw@127.0.0.1:" + REDIS.server().port() + "/0";
        CliRun run = CliRun.of("transition", "--redis", uri, "--id", id, "--from", "running", "--to", "stopped", "--operator", "bob");
        assertEquals(7, run.exitCode(), run.err());
        assertEquals(1, run.errLines(), run.err());
        assertFalse(run.err().contains("cannot connect"), run.err());
        assertTrue(run.err().contains("incomplete") && run.err().contains("written: audit entry")
                && run.err().contains("not written: SREM instance:state:running"), run.err());
        // The state changed, and never without its audit entry.
        assertEquals("stopped", r.hget("instance:" + id, "state"));
        Map<String, String> entry = r.xrange("console:audit", Range.create("-", "+")).get(0).getBody();
        assertEquals("stopped", entry.get("to"));
        assertEquals("bob", entry.get("operator"));
        assertEquals("nosrem", entry.get("redis_user"));
    }
}
