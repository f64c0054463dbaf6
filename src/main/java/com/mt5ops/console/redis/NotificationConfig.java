package com.mt5ops.console.redis;

import io.lettuce.core.api.sync.RedisCommands;
import java.util.Map;

/**
 * Reads `notify-keyspace-events` and, when allowed, adds the flags the live mirror needs (K g h s x) to
 * whatever is already set, never removing any.
 */
public final class NotificationConfig {
    public static final String REQUIRED = "Kghsx";

    /** What the server's notification setting is, and whether the console can rely on it. */
    public record Status(boolean enabled, String flags, boolean changed, String message) {
    }

    public static boolean satisfies(String flags) {
        if (flags == null || flags.indexOf('K') < 0) {
            return false;
        }
        boolean all = flags.indexOf('A') >= 0;
        for (char c : "ghsx".toCharArray()) {
            if (!all && flags.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    static String merged(String flags) {
        StringBuilder out = new StringBuilder(flags == null ? "" : flags);
        for (char c : REQUIRED.toCharArray()) {
            boolean covered = out.indexOf(String.valueOf(c)) >= 0 || (c != 'K' && out.indexOf("A") >= 0);
            if (!covered) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Reads the setting only. */
    public Status read(RedisCommands<String, String> redis) {
        try {
            String flags = current(redis);
            return new Status(satisfies(flags), flags, false,
                    satisfies(flags) ? "keyspace notifications on (" + flags + ")" : "keyspace notifications lack " + REQUIRED + " (now '" + flags + "')");
        } catch (RuntimeException e) {
            return new Status(false, null, false, "cannot read notify-keyspace-events: " + firstLine(e));
        }
    }

    /** Reads the setting and adds what is missing, if the server lets us. */
    public Status ensure(RedisCommands<String, String> redis) {
        Status now = read(redis);
        if (now.enabled() || now.flags() == null) {
            return now;
        }
        String wanted = merged(now.flags());
        try {
            redis.configSet("notify-keyspace-events", wanted);
            String after = current(redis);
            return new Status(satisfies(after), after, true, "enabled keyspace notifications: '" + now.flags() + "' -> '" + after + "'");
        } catch (RuntimeException e) {
            return new Status(false, now.flags(), false, "keyspace notifications are off and CONFIG SET was refused: " + firstLine(e));
        }
    }

    private static String current(RedisCommands<String, String> redis) {
        Map<String, String> reply = redis.configGet("notify-keyspace-events");
        return reply.getOrDefault("notify-keyspace-events", "");
    }

    private static String firstLine(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
