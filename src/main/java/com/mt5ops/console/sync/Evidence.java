package com.mt5ops.console.sync;

/**
 * Whether keyspace events flow, pure: after a check, any message heard (a probe's or the fleet's) before the
 * deadline proves it. Times in epoch ms; counts are the listener's running total of messages heard.
 */
final class Evidence {
    private final long timeout;
    private boolean awaiting;
    private long due = MirrorMachine.NEVER;
    private long heardAtStart;

    Evidence(long timeoutMs) {
        this.timeout = timeoutMs;
    }

    /** Starts waiting: messages beyond {@code heard} count. */
    void await(long now, long heard) {
        awaiting = true;
        due = now + timeout;
        heardAtStart = heard;
    }

    void stop() {
        awaiting = false;
    }

    /** While the server was frozen nothing could arrive: the wait starts over. */
    void restartClock(long now) {
        due = awaiting ? now + timeout : due;
    }

    boolean awaiting() {
        return awaiting;
    }

    boolean proven(long heard) {
        return awaiting && heard > heardAtStart;
    }

    boolean overdue(long now) {
        return awaiting && now >= due;
    }

    long deadline() {
        return awaiting ? due : MirrorMachine.NEVER;
    }
}
