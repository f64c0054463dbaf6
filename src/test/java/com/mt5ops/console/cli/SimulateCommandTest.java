package com.mt5ops.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.CliRun;
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
