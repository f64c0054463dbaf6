package com.mt5ops.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `COMMAND --help` prints that command's usage and exits 0, as the usage-error message tells people to try. */
class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"gui", "snapshot", "watch", "transition", "mark-restart", "check", "simulate", "bench"})
    void everyCommandExplainsItself(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(ExitCodes.DONE, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Usage: mt5-console " + command), run.out());
        assertTrue(run.out().contains("--help"), run.out());
        assertEquals("", run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gui", "snapshot", "watch", "transition", "mark-restart", "check", "simulate"})
    void everyCommandThatReachesRedisTakesTheTlsFiles(String command) {
        String help = CliRun.of(command, "--help").out();
        for (String option : new String[] {"--cacert=FILE", "--cert=FILE", "--key=FILE"}) {
            assertTrue(help.contains(option), option + " in " + help);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"snapshot", "simulate", "check"})
    void aMissingOptionPointsToAHelpThatWorks(String command) {
        CliRun run = CliRun.of(command);
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().contains("see: mt5-console " + command + " --help"), run.err());
    }

    @Test
    void helpNamesTheCommandsAndExplainsOne() {
        CliRun all = CliRun.of("help");
        assertEquals(ExitCodes.DONE, all.exitCode(), all.err());
        for (String command : new String[] {"snapshot", "watch", "transition", "mark-restart", "check", "simulate", "bench", "gui"}) {
            assertTrue(all.out().contains(command), command + " in " + all.out());
        }
        CliRun one = CliRun.of("help", "simulate");
        assertEquals(ExitCodes.DONE, one.exitCode(), one.err());
        assertTrue(one.out().startsWith("Usage: mt5-console simulate"), one.out());
    }
}
