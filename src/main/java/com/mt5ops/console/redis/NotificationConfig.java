package com.mt5ops.console.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Reads `notify-keyspace-events` and, when allowed, adds the flags the live mirror needs (K g h s x) to
 * whatever is already set, never removing any.
 */
public final class NotificationConfig {
    public static final String REQUIRED = "Kghsx";
    private static final String NAME = "notify-keyspace-events";
    private static final long TIMEOUT_MS = 10_000;

    /** What the server's notification setting is, and whether the console can rely on it. */
    public record Status(boolean enabled, String flags, boolean changed, String message) {
    }

    /**
     * The one CONFIG SET that would give the console its events: the flags set now plus the missing ones, none removed.
     * Sent only with the operator's consent. {@code node}: on a Redis Cluster the master (host:port) it is for (a
     * cluster's configuration is per node); empty for a single server.
     */
    public record Fix(String current, String merged, String node) {
        public Fix(String current, String merged) {
            this(current, merged, "");
        }

        /** The command exactly as it is sent. */
        public String command() {
            return "CONFIG SET " + NAME + " " + merged;
        }

        /** The same fix, for the cluster master {@code host:port}. */
        public Fix on(String host) {
            return new Fix(current, merged, host);
        }
    }

    /** The fix for flags as read ({@code null}: unreadable), when they lack something. */
    public static java.util.Optional<Fix> fixFor(String flags) {
        return flags == null || satisfies(flags) ? java.util.Optional.empty() : java.util.Optional.of(new Fix(flags, merged(flags)));
    }

    /** Reads and writes the one setting. */
    public interface Access {
        String get();

        void set(String flags);
    }

    /** Over a synchronous connection. */
    public static Access over(RedisCommands<String, String> redis) {
        return new Access() {
            @Override
            public String get() {
                return redis.configGet(NAME).getOrDefault(NAME, "");
            }

            @Override
            public void set(String flags) {
                redis.configSet(NAME, flags);
            }
        };
    }

    /** Over an asynchronous connection, waiting with {@code patience} (the mirror keeps its heartbeat meanwhile). */
    public static Access over(RedisAsyncCommands<String, String> redis, Patience patience) {
        return new Access() {
            @Override
            public String get() {
                Map<String, String> reply = await(redis.configGet(NAME).toCompletableFuture(), patience);
                return reply.getOrDefault(NAME, "");
            }

            @Override
            public void set(String flags) {
                await(redis.configSet(NAME, flags).toCompletableFuture(), patience);
            }
        };
    }

    private static <T> T await(java.util.concurrent.Future<T> f, Patience patience) {
        try {
            return patience.await(f, TIMEOUT_MS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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
    public Status read(Access redis) {
        try {
            String flags = redis.get();
            return new Status(satisfies(flags), flags, false,
                    satisfies(flags) ? "keyspace notifications on (" + flags + ")" : "keyspace notifications lack " + REQUIRED + " (now '" + flags + "')");
        } catch (RuntimeException e) {
            return new Status(false, null, false, "cannot read notify-keyspace-events: " + firstLine(e));
        }
    }

    /** Reads the setting and adds what is missing, if the server lets us. */
    public Status ensure(Access redis) {
        Status now = read(redis);
        if (now.enabled() || now.flags() == null) {
            return now;
        }
        String wanted = merged(now.flags());
        try {
            redis.set(wanted);
            String after = redis.get();
            return new Status(satisfies(after), after, true, "enabled keyspace notifications: '" + now.flags() + "' -> '" + after + "'");
        } catch (RuntimeException e) {
            return new Status(false, now.flags(), false, "keyspace notifications are off and CONFIG SET was refused: " + firstLine(e));
        }
    }

    private static String firstLine(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
