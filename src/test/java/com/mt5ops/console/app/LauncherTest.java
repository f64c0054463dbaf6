package com.mt5ops.console.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the launcher makes of its arguments before any command runs. */
class LauncherTest {
    @Test
    void guiOptionsWithoutACommandOpenTheGui() {
        assertArrayEquals(new String[] {"gui"}, Launcher.withDefaultCommand(new String[0]));
        assertArrayEquals(new String[] {"gui", "--demo"}, Launcher.withDefaultCommand(new String[] {"--demo"}));
        assertArrayEquals(new String[] {"snapshot", "--redis", "x"}, Launcher.withDefaultCommand(new String[] {"snapshot", "--redis", "x"}));
        assertFalse(Launcher.withDefaultCommand(new String[] {"--help"})[0].equals("gui"));
    }

    @Test
    void onlyALaunchThatOpensTheWindowStartsJavaFxEarly() {
        assertTrue(Launcher.opensWindow(Launcher.withDefaultCommand(new String[0])));
        assertTrue(Launcher.opensWindow(new String[] {"gui", "--redis", "redis://h:1"}));
        assertFalse(Launcher.opensWindow(new String[] {"gui", "--help"}));
        assertFalse(Launcher.opensWindow(new String[] {"snapshot", "--redis", "x"}));
        assertFalse(Launcher.opensWindow(Launcher.withDefaultCommand(new String[] {"--help"})));
    }

    @Test
    void theWindowsOwnCommandLineStillAnswersABadOptionInOneLine() {
        java.io.StringWriter err = new java.io.StringWriter();
        com.mt5ops.console.cli.CliContext ctx = new com.mt5ops.console.cli.CliContext(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err, true), java.time.Clock.systemUTC(), com.mt5ops.console.model.FreshnessPolicy.defaults(),
                new com.mt5ops.console.model.TransitionTable());
        int code = new CommandLineFactory(ctx).createGui().execute("--bogus");
        assertEquals(2, code);
        assertEquals("error: Unknown option: '--bogus' (see: mt5-console gui --help)", err.toString().strip());
    }
}
