package com.mt5ops.console.sync;

/** The mirror's counters, pure: messages heard, keyspace events and their rate, full reads and when the last was taken. */
final class MirrorTally {
    private static final long NONE = Long.MIN_VALUE;

    private final EventRate rate;
    private long events;
    private long heard;
    private long resyncs;
    private long subscriptions;
    private long lastFullSync = NONE;

    MirrorTally(long now) {
        this.rate = new EventRate(now);
    }

    /** Takes the listener's running counts; true when a second has passed (the rate is new). */
    boolean count(long eventsSoFar, long heardSoFar, long now) {
        events = eventsSoFar;
        heard = heardSoFar;
        return rate.update(events, now);
    }

    void fullRead(long at) {
        resyncs++;
        lastFullSync = at;
    }

    /** A subscription confirmed; every one after the first is a reconnect. */
    void subscribed() {
        subscriptions++;
    }

    long subscriptions() {
        return subscriptions;
    }

    long heard() {
        return heard;
    }

    long reconnects() {
        return Math.max(0, subscriptions - 1);
    }

    long nextSecond() {
        return rate.due();
    }

    /** The counters in {@code state} at this moment. */
    MachineStatus status(ConnectionState state, String reason, String basis, Long disconnectedSince) {
        return new MachineStatus(state, reason, basis, disconnectedSince, lastFullSync == NONE ? null : lastFullSync,
                events, rate.perSecond(), resyncs, reconnects());
    }
}
