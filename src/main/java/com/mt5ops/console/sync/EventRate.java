package com.mt5ops.console.sync;

/** Keyspace events per second, measured over each second of the mirror's clock; pure. */
final class EventRate {
    private static final long SECOND = 1_000;

    private long due;
    private long at;
    private long countAt;
    private double perSecond;

    EventRate(long now) {
        this.at = now;
        this.due = now + SECOND;
    }

    /** Takes the running count at {@code now}; true when a second has passed (and the rate was updated). */
    boolean update(long count, long now) {
        if (now < due) {
            return false;
        }
        perSecond = (count - countAt) * (double) SECOND / Math.max(1, now - at);
        countAt = count;
        at = now;
        due = now + SECOND;
        return true;
    }

    long due() {
        return due;
    }

    double perSecond() {
        return perSecond;
    }
}
