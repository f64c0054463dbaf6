package com.mt5ops.console.sync;

/**
 * The mirror's heartbeat, pure: one PING out at a time, the next one an interval after the answer; a PING out for
 * longer than {@code stallAfter} is late (the server is frozen while its connection stays up). Times in epoch ms.
 */
final class Heartbeat {
    private static final long NONE = Long.MIN_VALUE;

    private final long interval;
    private final long stallAfter;
    private long due = MirrorMachine.NEVER;
    private long sentAt = NONE;

    Heartbeat(long intervalMs, long stallAfterMs) {
        this.interval = intervalMs;
        this.stallAfter = stallAfterMs;
    }

    /** Starts beating (at the latest one interval from now) unless a PING is already out. */
    void start(long now) {
        if (sentAt == NONE) {
            due = Math.min(due, now + interval);
        }
    }

    /** Stops: nothing is out, nothing is due. */
    void stop() {
        sentAt = NONE;
        due = MirrorMachine.NEVER;
    }

    /** True when a PING should go out now; it then counts as sent. */
    boolean sendNow(long now) {
        if (sentAt != NONE || now < due) {
            return false;
        }
        sentAt = now;
        return true;
    }

    /** The answer (or a failure) came back: the next PING is due an interval from now. */
    void back(long now) {
        sentAt = NONE;
        due = now + interval;
    }

    boolean late(long now) {
        return sentAt != NONE && now - sentAt >= stallAfter;
    }

    /** When the PING out went out (epoch ms); only meaningful while {@link #late} or out. */
    long sentAt() {
        return sentAt;
    }

    /** The next moment something changes: a PING due, or the one out becoming late ({@code lateMatters}). */
    long deadline(boolean lateMatters) {
        if (sentAt == NONE) {
            return due;
        }
        return lateMatters ? sentAt + stallAfter : MirrorMachine.NEVER;
    }
}
