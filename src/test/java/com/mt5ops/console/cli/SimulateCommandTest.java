package com.mt5ops.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SimulateCommandTest {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.withNotifications();

    @Test
    void simulatedFleetPassesCheckWithNoProblems() {
        CliRun sim = CliRun.of("simulate", "--redis", REDIS.uri(), "--instances", "300", "--rate", "400", "--seconds", "3", "--seed", "7");
        assertEquals(0, sim.exitCode(), sim.err());
        CliRun check = CliRun.of("check", "--redis", REDIS.uri());
        assertEquals(0, check.exitCode(), check.out());
        assertTrue(check.out().contains("300 instances, 0 problems"), check.out());
        RedisCommands<String, String> r = REDIS.redis();
        long indexed = r.scard("instance:state:running") + r.scard("instance:state:stopped")
                + r.scard("instance:state:crashed") + r.scard("instance:state:restarting");
        assertEquals(300, indexed);
        assertTrue(r.scard("instance:state:running") > 200, "most of a fleet runs");
    }

    @Test
    void sameSeedWritesTheSameFleet() {
        CliRun.of("simulate", "--redis", REDIS.uri(), "--instances", "50", "--seconds", "0", "--seed", "11");
        Set<String> first = keysAndBrokers(REDIS.redis());
        REDIS.redis().flushall();
        CliRun.of("simulate", "--redis", REDIS.uri(), "--instances", "50", "--seconds", "0", "--seed", "11");
        assertEquals(first, keysAndBrokers(REDIS.redis()));
        REDIS.redis().flushall();
        CliRun.of("simulate", "--redis", REDIS.uri(), "--instances", "50", "--seconds", "0", "--seed", "12");
        assertTrue(!first.equals(keysAndBrokers(REDIS.redis())));
    }

    @Test
    void rateIsNeverExceeded() {
        CliRun sim = CliRun.of("simulate", "--redis", REDIS.uri(), "--instances", "100", "--rate", "50", "--seconds", "2");
        long updates = Long.parseLong(sim.out().replaceAll("(?s).*stopped after (\\d+) updates.*", "$1"));
        assertTrue(updates <= 100, "at most rate x seconds: " + updates);
    }

    @Test
    void aRedisHoldingAnInstanceItDidNotWriteIsRefusedUnlessForced() {
        RedisCommands<String, String> r = REDIS.redis();
        String real = Fixtures.instance(r, "running");
        long before = r.dbsize();
        CliRun refused = CliRun.of("simulate", "--redis", REDIS.uri(), "--instances", "20", "--seconds", "0");
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals(1, refused.errLines(), refused.err());
        assertTrue(refused.err().contains("1 instance") && refused.err().contains(real) && refused.err().contains("--force"), refused.err());
        assertEquals(before, r.dbsize(), "nothing written");
        assertEquals("", refused.out());

        CliRun forced = CliRun.of("simulate", "--redis", REDIS.uri(), "--instances", "20", "--seconds", "0", "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(21, r.scard("instance:state:running") + r.scard("instance:state:stopped")
                + r.scard("instance:state:crashed") + r.scard("instance:state:restarting"));
        assertEquals(20, r.scard("console:simulated"));
        assertTrue(!r.sismember("console:simulated", real), "the real instance is not claimed as simulated");
    }

    @Test
    void aRedisHoldingOnlyItsOwnSimulatedFleetNeedsNoForce() {
        assertEquals(0, CliRun.of("simulate", "--redis", REDIS.uri(), "--instances", "30", "--seconds", "0", "--seed", "1").exitCode());
        CliRun again = CliRun.of("simulate", "--redis", REDIS.uri(), "--instances", "30", "--seconds", "0", "--seed", "2");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(60, REDIS.redis().scard("console:simulated"));
    }

    @Test
    void negativeSizeIsAUsageError() {
        CliRun sim = CliRun.of("simulate", "--redis", REDIS.uri(), "--instances", "-1");
        assertEquals(2, sim.exitCode());
        assertEquals(0, REDIS.redis().dbsize());
    }

    private static Set<String> keysAndBrokers(RedisCommands<String, String> r) {
        Set<String> out = new TreeSet<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = r.scan(cursor, ScanArgs.Builder.matches("instance:*").limit(500));
            for (String key : page.getKeys()) {
                out.add(key);
                if (r.type(key).equals("hash")) {
                    out.add(key + "=" + r.hget(key, "broker_id") + "/" + r.hget(key, "launch_mode"));
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return out;
    }
}
