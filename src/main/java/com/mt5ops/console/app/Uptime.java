package com.mt5ops.console.app;

/** Milliseconds since this JVM started: the clock of the start-up log lines and of `bench`'s start-up rounds. */
final class Uptime {
    private Uptime() {
    }

    static long ms() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
