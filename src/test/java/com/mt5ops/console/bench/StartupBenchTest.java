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
    void aFreshConsoleStartedAsInstalledReportsTheWholeFleetInItsWindow() throws Exception {
        for (int k = 0; k < 7; k++) {
            Fixtures.instance(REDIS.redis(), k % 3 == 0 ? "crashed" : "running");
        }
        StringWriter progress = new StringWriter();
        List<StartupBench.Start> starts = new StartupBench(new PrintWriter(progress, true)).measure(REDIS.uri(), 1, StartupBench.Launch.INSTALLED);
        assertEquals(1, starts.size());
        assertEquals(7, starts.get(0).instances(), "the window showed every instance");
        assertTrue(starts.get(0).firstDataMs() > 0 && starts.get(0).cpuMs() > 0, starts.toString());
        assertTrue(progress.toString().contains("filled window after"), progress.toString());
        // as the installer's launcher: the window's JVM options, and the class-data archive of a training start when
        // the class path is all jars (as from the built jar; here target/classes is a directory, which the JVM refuses)
        boolean allJars = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .allMatch(p -> p.endsWith(".jar"));
        assertTrue(progress.toString().contains("-XX:TieredStopAtLevel=1"), progress.toString());
        assertEquals(allJars, progress.toString().contains("-XX:SharedArchiveFile="), progress.toString());
    }
}
