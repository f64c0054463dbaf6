package com.mt5ops.console.app;

import java.nio.file.Path;

/**
 * Where the console keeps its log: {@code -Dmt5.log.dir}, else $XDG_STATE_HOME/mt5-console, else
 * ~/.local/state/mt5-console; the file is console.log (three older ones kept, 10 MB each).
 */
public final class LogFile {
    static final String DIR_PROPERTY = "mt5.log.dir";

    private LogFile() {
    }

    public static Path dir() {
        String override = System.getProperty(DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("mt5-console");
    }

    public static Path path() {
        return dir().resolve("console.log");
    }
}
