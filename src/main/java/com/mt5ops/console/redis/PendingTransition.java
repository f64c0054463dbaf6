package com.mt5ops.console.redis;

import java.util.Map;

/**
 * A transition whose state change is made and whose follow-up steps may not be: what its pending record
 * {@code {instance:<id>}:console:txn} holds. It carries everything the audit entry needs, the server time of the
 * change ({@code time}, ISO-8601 UTC, and {@code timeMs}), whether a restart marking is to be counted, and, once the
 * count step is done, what it answered. {@code aborted} marks a record whose state change did not happen.
 */
public record PendingTransition(String txn, String instanceId, String from, String to, String reason, String operator,
                                String redisUser, String host, String time, long timeMs, boolean markRestart,
                                boolean countDone, String restartCount, String countNote, boolean aborted) {

    /** What a record read from Redis turned out to be: a transition to complete, or why it cannot be read, or hidden from this user. */
    public sealed interface Read permits Readable, Unreadable, Hidden {
    }

    /** A complete record. */
    public record Readable(PendingTransition transition) implements Read {
    }

    /** A record without the fields a transition needs (written by someone else, or edited by hand). */
    public record Unreadable(String instanceId, String why) implements Read {
    }

    /** A record the Redis user may not read (a viewer without the record keys in its ACL): pending, but not what. */
    public record Hidden(String instanceId) implements Read {
    }

    /** Reads a record's fields as HGETALL returns them; never throws. */
    public static Read from(String instanceId, Map<String, String> f) {
        for (String need : new String[] {"txn", "from", "to", "operator", "redis_user", "host", "time", "time_ms"}) {
            if (f.get(need) == null) {
                return new Unreadable(instanceId, "the pending record has no " + need + " field");
            }
        }
        long ms;
        try {
            ms = Long.parseLong(f.get("time_ms"));
        } catch (NumberFormatException e) {
            return new Unreadable(instanceId, "the pending record's time_ms is not a number: '" + f.get("time_ms") + "'");
        }
        if (f.get("instance_id") != null && !f.get("instance_id").equals(instanceId)) {
            return new Unreadable(instanceId, "the pending record names another instance: '" + f.get("instance_id") + "'");
        }
        return new Readable(new PendingTransition(f.get("txn"), instanceId, f.get("from"), f.get("to"), f.getOrDefault("reason", ""),
                f.get("operator"), f.get("redis_user"), f.get("host"), f.get("time"), ms, "1".equals(f.get("mark_restart")),
                "1".equals(f.get("count_done")), f.getOrDefault("restart_count", ""), f.getOrDefault("count_note", ""),
                "1".equals(f.get("aborted"))));
    }

    /** The same transition with its count step's answer. */
    PendingTransition counted(String count, String note) {
        return new PendingTransition(txn, instanceId, from, to, reason, operator, redisUser, host, time, timeMs, markRestart,
                true, count, note, aborted);
    }

    /** One line for operators: what changed, who asked, when, and the transaction id. */
    public String describe() {
        return from + " -> " + to + (markRestart ? " (restart marked)" : "") + " by " + operator + " (Redis user " + redisUser
                + ") from " + host + " at " + time + ", transaction " + txn;
    }
}
