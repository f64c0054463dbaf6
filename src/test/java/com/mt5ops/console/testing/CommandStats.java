package com.mt5ops.console.testing;

import io.lettuce.core.api.sync.RedisCommands;

/**
 * How often the server ran a command since its stats were reset (INFO commandstats). Unlike MONITOR this counts the
 * administrative commands too: MONITOR never shows CONFIG or ACL.
 */
public final class CommandStats {
    private CommandStats() {
    }

    /** Calls of {@code command} as INFO names it ({@code config|set}, {@code eval}, {@code hset} …). */
    public static long calls(RedisCommands<String, String> r, String command) {
        String prefix = "cmdstat_" + command + ":calls=";
        for (String line : r.info("commandstats").split("\r?\n")) {
            if (line.startsWith(prefix)) {
                return Long.parseLong(line.substring(prefix.length(), line.indexOf(',', prefix.length())));
            }
        }
        return 0;
    }
}
