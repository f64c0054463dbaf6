package com.mt5ops.console.sync;

/**
 * When {@link MirrorMachine} reads the whole fleet and checks the notification flags next, pure: a reconciliation
 * while LIVE, a poll and a periodic check while POLLING, a retry after a failed read, and nothing while held (some
 * masters of a cluster do not answer, and a full read or a check would hang on them). Times in epoch ms.
 */
final class ReadPlan {
    /** Full reads that fail in a row before the mirror counts as broken (and opens new connections). */
    private static final int FAILURES_TO_FAIL = 3;

    private final MirrorConfig config;
    private long readDue = MirrorMachine.NEVER;
    private long checkDue = MirrorMachine.NEVER;
    private int failures;
    private boolean held;

    ReadPlan(MirrorConfig config) {
        this.config = config;
    }

    /** Nothing due: the link is gone, or a new subscription begins with its own read and check. */
    void clear() {
        readDue = checkDue = MirrorMachine.NEVER;
        failures = 0;
        held = false;
    }

    /** Holds full reads and checks while {@code on}; true when this releases them (everything answers again). */
    boolean hold(boolean on) {
        boolean released = held && !on;
        held = on;
        return released;
    }

    boolean held() {
        return held;
    }

    /** LIVE: no periodic check; a reconciliation at the latest one interval from now. */
    void live(long now) {
        checkDue = MirrorMachine.NEVER;
        readDue = Math.min(readDue, now + config.reconcileInterval().toMillis());
    }

    /** POLLING: a poll at the latest one interval from now, and the flags checked again later. */
    void polling(long now) {
        readDue = Math.min(readDue, now + config.pollInterval().toMillis());
        checkDue = now + config.notificationsRecheck().toMillis();
    }

    /** A full read finished at {@code now}: the next regular one (only LIVE reconciles and POLLING polls). */
    void done(long now, ConnectionState state) {
        failures = 0;
        readDue = next(now, state);
    }

    /** The regular read comes no later than it would after a read now (a stall ended). */
    void soon(long now, ConnectionState state) {
        readDue = Math.min(readDue, next(now, state));
    }

    private long next(long now, ConnectionState state) {
        return state == ConnectionState.LIVE ? now + config.reconcileInterval().toMillis()
                : state == ConnectionState.POLLING ? now + config.pollInterval().toMillis() : MirrorMachine.NEVER;
    }

    /** A read failed: true when too many failed in a row, else a retry is due after the retry interval. */
    boolean failed(long now) {
        if (++failures >= FAILURES_TO_FAIL) {
            return true;
        }
        readDue = now + config.retryInterval().toMillis();
        return false;
    }

    /** The operator asked for a resync: true when it may be read now; while polling, the flags are checked at once too. */
    boolean requested(long now, boolean polling) {
        checkDue = polling ? now : checkDue; // the flags may just have been fixed
        return !held;
    }

    /** True when a full read is due now; it then counts as started. */
    boolean readNow(long now) {
        if (held || now < readDue) {
            return false;
        }
        readDue = MirrorMachine.NEVER;
        return true;
    }

    /** True when the periodic check is due now (only while polling); it then counts as started. */
    boolean checkNow(long now, boolean polling) {
        if (held || !polling || now < checkDue) {
            return false;
        }
        checkDue = MirrorMachine.NEVER;
        return true;
    }

    /** The next moment a read or a check is due (NEVER while held). */
    long deadline(boolean polling) {
        return held ? MirrorMachine.NEVER : Math.min(readDue, polling ? checkDue : MirrorMachine.NEVER);
    }
}
