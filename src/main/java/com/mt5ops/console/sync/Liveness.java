package com.mt5ops.console.sync;

/**
 * How the mirror knows that keyspace events flow, pure. After the notification check it waits for any message (a
 * probe's or the fleet's); none before the deadline means polling, unless the console may not write a probe: then
 * the flags the server reported, or failing those the reconciliations, stand for it until an event is heard (a
 * viewer on a quiet fleet stays LIVE without re-reading everything every 2 s). Says which it relied on.
 */
final class Liveness {
    /** What a judgement at a tick decided. */
    enum Verdict { WAIT, LIVE, POLL }

    static final String EVENTS = "keyspace events seen";
    static final String FLAGS = "notifications on, no event yet; reconciled every 30 s";
    static final String UNVERIFIED = "unverified: flags unreadable, no event yet; reconciled every 30 s";

    private final long timeout;
    private boolean probing;
    private boolean awaiting;
    private boolean flagsConfirmed;
    private long due = MirrorMachine.NEVER;
    private long heardAtCheck;
    private long heardAtSubscribe;
    private String basis = "";

    Liveness(long timeoutMs) {
        this.timeout = timeoutMs;
    }

    /** A new subscription: what was heard before it proves nothing about it. */
    void subscribed(long heard) {
        heardAtSubscribe = heard;
        awaiting = false;
        basis = "";
    }

    /**
     * Notifications were checked: messages beyond {@code heard} count; {@code confirmed}: the flags were read and
     * suffice; {@code probing}: a probe key was written, so silence means no events.
     */
    void await(long now, long heard, boolean confirmed, boolean probing) {
        this.probing = probing;
        awaiting = true;
        flagsConfirmed = confirmed;
        due = now + timeout;
        heardAtCheck = heard;
    }

    void stop() {
        awaiting = false;
    }

    /** While the server was frozen nothing could arrive: the wait starts over. */
    void restartClock(long now) {
        due = awaiting ? now + timeout : due;
    }

    /** At a tick: LIVE once a message is heard, or at the deadline without one when no probe can be written. */
    Verdict judge(long now, long heard, boolean stalled) {
        if (awaiting && heard > heardAtCheck) {
            awaiting = false;
            basis = EVENTS;
            return Verdict.LIVE;
        }
        if (!awaiting || now < due || stalled) {
            return Verdict.WAIT;
        }
        awaiting = false;
        basis = flagsConfirmed ? FLAGS : UNVERIFIED;
        return probing ? Verdict.POLL : Verdict.LIVE;
    }

    /** Upgrades the basis once an event is heard after all; true when it changed. */
    boolean heard(long heard) {
        if (basis.isEmpty() || basis.equals(EVENTS) || heard <= heardAtSubscribe) {
            return false;
        }
        basis = EVENTS;
        return true;
    }

    /** True when nothing at all was heard since the subscription: changes a read finds were never announced. */
    boolean silentSinceSubscribe(long heard) {
        return heard == heardAtSubscribe;
    }

    /** What being LIVE rests on (empty before it is). */
    String basis() {
        return basis;
    }

    long deadline() {
        return awaiting ? due : MirrorMachine.NEVER;
    }
}
