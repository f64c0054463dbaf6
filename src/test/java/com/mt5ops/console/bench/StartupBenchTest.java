package com.mt5ops.console.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The start-up benchmark really starts the console in its own JVM and sees it fill the window with the fleet. */
class StartupBenchTest {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.withNotifications();

    @Test
    void aFreshConsoleReportsTheWholeFleetInItsWindow() throws Exception {
        for (int k = 0; k < 7; k++) {
            Fixtures.instance(REDIS.redis(), k % 3 == 0 ? "crashed" : "running");
        }
        StringWriter progress = new StringWriter();
        List<StartupBench.Start> starts = new StartupBench(new PrintWriter(progress, true)).measure(REDIS.uri(), 1);
        assertEquals(1, starts.size());
        assertEquals(7, starts.get(0).instances(), "the window showed every instance");
        assertTrue(starts.get(0).firstDataMs() > 0 && starts.get(0).cpuMs() > 0, starts.toString());
        assertTrue(progress.toString().contains("filled window after"), progress.toString());
    }
}
