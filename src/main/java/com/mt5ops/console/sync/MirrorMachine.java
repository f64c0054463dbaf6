package com.mt5ops.console.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live mirror's connection logic and nothing else: no I/O, no threads, no clock of its own. The shell hands in
 * each {@link MirrorEvent} with the time it is handled (epoch ms) and carries out the {@link MirrorAction}s that come
 * back; {@link #nextDeadline()} says when the next {@link MirrorEvent.Tick} is due at the latest.
 */
final class MirrorMachine {
    static final long NEVER = Long.MAX_VALUE;

    private final MirrorConfig config;
    private final boolean probeWrites;
    private final Heartbeat heartbeat;
    private final Liveness liveness;
    private final Backoff backoff;
    private final MirrorTally tally;
    private final ReadPlan reads;

    private ConnectionState state = ConnectionState.CONNECTING;
    private String reason = "connecting";
    /** Since when the data may be behind (epoch ms); null while it is current. */
    private Long disconnectedSince;
    /** What a stall interrupted, restored when the server answers again. */
    private MachineStatus beforeStall;
    private Link link = Link.CLOSED;
    private long connectDue = NEVER;
    private String failure = "";

    /** {@code probeWrites}: whether the mirror may write a probe key to prove that events flow (the user too: NotificationsOn). */
    MirrorMachine(MirrorConfig config, boolean probeWrites, long now) {
        this.config = config;
        this.probeWrites = probeWrites;
        this.heartbeat = new Heartbeat(config.pingInterval().toMillis(), config.stallAfter().toMillis());
        this.tally = new MirrorTally(now);
        this.liveness = new Liveness(config.probeTimeout().toMillis());
        this.backoff = new Backoff(config.restartBackoffMax().toMillis());
        this.reads = new ReadPlan(config);
    }

    /** Handles one event at {@code now} (epoch ms); returns what the shell must do, in order. */
    List<MirrorAction> on(MirrorEvent event, long now) {
        List<MirrorAction> out = new ArrayList<>(3);
        ConnectionState stateBefore = state;
        String reasonBefore = reason;
        if (event instanceof MirrorEvent.Tick t) {
            tick(t, now, out);
        } else if (event instanceof MirrorEvent.Start) {
            connect(out);
        } else if (event instanceof MirrorEvent.Connected) {
            connected();
        } else if (event instanceof MirrorEvent.ConnectFailed f) {
            connectFailed(f.why(), now);
        } else if (event instanceof MirrorEvent.Subscribed) {
            subscribed(now, out);
        } else if (event instanceof MirrorEvent.LinkLost) {
            linkLost(now);
        } else if (event instanceof MirrorEvent.NotificationsOn on) {
            notificationsOn(on, now, out);
        } else if (event instanceof MirrorEvent.NotificationsOff off && link == Link.UP) {
            startPolling(off.why(), now);
        } else if (event instanceof MirrorEvent.PingAnswered) {
            pingAnswered(now, out);
        } else if (event instanceof MirrorEvent.PingFailed) {
            heartbeat.back(now); // the next one decides; a late answer (or none) shows as a stall
        } else if (event instanceof MirrorEvent.ReadDone d) {
            readDone(d, now);
        } else if (event instanceof MirrorEvent.ReadFailed f) {
            readFailed(f.why(), now, out);
        } else if (event instanceof MirrorEvent.Failed f) {
            failed(f.why(), now, out);
        } else if (event instanceof MirrorEvent.MasterSwitched || event instanceof MirrorEvent.TopologyChanged) {
            moved(event, now, out);
        } else if (event instanceof MirrorEvent.MastersDown d && link == Link.UP) {
            mastersDown(d.down() > 0, out);
        } else if (event instanceof MirrorEvent.ResyncRequested && mayRead() && reads.requested(now, state == ConnectionState.POLLING)) {
            emit(out, MirrorAction.READ_ALL);
        }
        if (state != stateBefore || !reason.equals(reasonBefore)) {
            emit(out, MirrorAction.PUBLISH);
        }
        return out;
    }

    private void tick(MirrorEvent.Tick t, long now, List<MirrorAction> out) {
        if (tally.count(t.events(), t.heard(), now)) {
            emit(out, MirrorAction.PUBLISH);
        }
        boolean stalled = state == ConnectionState.STALLED;
        Liveness.Verdict verdict = liveness.judge(now, tally.heard(), stalled);
        if (verdict == Liveness.Verdict.LIVE) {
            goLive(now);
        } else if (verdict == Liveness.Verdict.POLL) {
            startPolling("no keyspace events arrived within " + config.probeTimeout().toSeconds() + " s", now);
        } else if (state == ConnectionState.LIVE && liveness.heard(tally.heard())) {
            emit(out, MirrorAction.PUBLISH); // now resting on events seen
        }
        if (link == Link.CLOSED && now >= connectDue) {
            connect(out);
        }
        if (mayRead() && reads.readNow(now)) {
            emit(out, MirrorAction.READ_ALL);
        }
        if (mayRead() && reads.checkNow(now, state == ConnectionState.POLLING)) {
            emit(out, MirrorAction.CHECK_NOTIFICATIONS);
        }
        if (link == Link.UP && heartbeat.sendNow(now)) {
            emit(out, MirrorAction.PING);
        } else if (link == Link.UP && !stalled && heartbeat.late(now)) {
            stall(now);
        }
    }

    private void connect(List<MirrorAction> out) {
        link = Link.OPENING;
        connectDue = NEVER;
        if (state == ConnectionState.FAILED) {
            set(ConnectionState.RECONNECTING, "restarting the mirror after: " + failure);
        }
        emit(out, MirrorAction.CONNECT);
    }

    private void connected() {
        link = Link.OPEN;
        if (state == ConnectionState.DISCONNECTED) {
            set(subscribedOnce() ? ConnectionState.RECONNECTING : ConnectionState.CONNECTING, "subscribing to keyspace events");
        }
    }

    private void connectFailed(String why, long now) {
        link = Link.CLOSED;
        disconnectedSince = disconnectedSince == null ? now : disconnectedSince;
        connectDue = now + config.retryInterval().toMillis();
        set(ConnectionState.DISCONNECTED, "cannot reach Redis: " + why);
    }

    private void subscribed(long now, List<MirrorAction> out) {
        tally.subscribed();
        link = Link.UP;
        liveness.subscribed(tally.heard());
        reads.clear();
        heartbeat.start(now);
        set(tally.reconnects() > 0 ? ConnectionState.RECONNECTING : ConnectionState.CONNECTING, "checking keyspace notifications");
        // Check (and where allowed, enable) notifications first: a read before that could miss what follows it.
        emit(out, MirrorAction.CHECK_NOTIFICATIONS);
        emit(out, MirrorAction.READ_ALL);
    }

    private void linkLost(long now) {
        if (link != Link.UP) {
            return;
        }
        link = Link.OPEN;
        pause(now);
        set(ConnectionState.RECONNECTING, "lost the connection to Redis; reconnecting");
    }

    private void notificationsOn(MirrorEvent.NotificationsOn on, long now, List<MirrorAction> out) {
        if (link != Link.UP) {
            return;
        }
        boolean probe = probeWrites && on.probe();
        if (probe) {
            emit(out, MirrorAction.SEND_PROBE);
        }
        liveness.await(now, tally.heard(), on.confirmed(), probe);
        if (!state.isCurrent()) {
            set(state, "waiting for keyspace events");
        }
    }

    private void startPolling(String why, long now) {
        liveness.stop();
        disconnectedSince = null;
        reads.polling(now);
        set(ConnectionState.POLLING, why);
    }

    private void goLive(long now) {
        disconnectedSince = null;
        reads.live(now);
        set(ConnectionState.LIVE, "");
    }

    private void stall(long now) {
        beforeStall = status();
        long quietSince = heartbeat.sentAt();
        disconnectedSince = disconnectedSince == null ? quietSince : disconnectedSince;
        set(ConnectionState.STALLED, String.format(Locale.ROOT, "no reply to PING for %.1f s", (now - quietSince) / 1000.0));
    }

    private void pingAnswered(long now, List<MirrorAction> out) {
        heartbeat.back(now);
        if (state != ConnectionState.STALLED) {
            return;
        }
        liveness.restartClock(now);
        disconnectedSince = beforeStall.disconnectedSince();
        set(beforeStall.state(), beforeStall.reason());
        reads.soon(now, state);
        if (mayRead() && !reads.held()) {
            emit(out, MirrorAction.READ_ALL); // whatever queued up while it was frozen
        }
    }

    /** Leaves the old master(s) at once (Sentinel: the old one may stay writable for seconds), subscribes anew, resyncs. */
    private void moved(MirrorEvent event, long now, List<MirrorAction> out) {
        pause(now);
        connect(out);
        set(ConnectionState.RECONNECTING, event instanceof MirrorEvent.MasterSwitched m ? "master switched to " + m.to() + " (Sentinel)"
                : "cluster topology changed: " + ((MirrorEvent.TopologyChanged) event).what());
    }

    /**
     * Some masters of a cluster stopped answering (the others stay LIVE; the window greys only their slots), or all
     * answer again: then the flags are checked (a restarted master has them off) and everything is read again.
     */
    private void mastersDown(boolean some, List<MirrorAction> out) {
        if (reads.hold(some) && mayRead()) {
            emit(out, MirrorAction.CHECK_NOTIFICATIONS);
            emit(out, MirrorAction.READ_ALL);
        }
        emit(out, MirrorAction.PUBLISH);
    }

    private void readDone(MirrorEvent.ReadDone done, long now) {
        tally.fullRead(done.atMs());
        if (state == ConnectionState.LIVE && done.unannounced() > 0 && liveness.silentSinceSubscribe(tally.heard())) {
            startPolling(done.unannounced() + " changes found only by reading: keyspace events do not arrive", now);
        }
        reads.done(now, state);
    }

    private void readFailed(String why, long now, List<MirrorAction> out) {
        if (reads.failed(now)) {
            failed("reads keep failing: " + why, now, out);
        }
    }

    private void failed(String why, long now, List<MirrorAction> out) {
        failure = why;
        long delay = backoff.next(now);
        link = Link.CLOSED;
        pause(now);
        connectDue = now + delay;
        set(ConnectionState.FAILED, "the mirror stopped: " + why + "; restarting in " + delay / 1000 + " s");
        emit(out, MirrorAction.DISCONNECT);
    }

    /** The link is gone: nothing to wait for, beat or read until it is back; the data is behind from now. */
    private void pause(long now) {
        liveness.stop();
        heartbeat.stop();
        reads.clear();
        disconnectedSince = disconnectedSince == null ? now : disconnectedSince;
    }

    /** True while full reads and dirty fetches may run: subscribed (nothing read can be overtaken by the first read) and answering. */
    boolean mayRead() {
        return link == Link.UP && state != ConnectionState.STALLED;
    }

    private void set(ConnectionState next, String why) {
        state = next;
        reason = why;
    }

    private static void emit(List<MirrorAction> out, MirrorAction action) {
        if (!out.contains(action)) {
            out.add(action);
        }
    }

    /** When the shell must hand in a {@link MirrorEvent.Tick} at the latest (epoch ms). */
    long nextDeadline() {
        boolean stalled = state == ConnectionState.STALLED;
        long next = Math.min(tally.nextSecond(), link == Link.CLOSED ? connectDue : NEVER);
        next = Math.min(next, stalled ? NEVER : liveness.deadline());
        if (mayRead()) {
            next = Math.min(next, reads.deadline(state == ConnectionState.POLLING));
        }
        return link == Link.UP ? Math.min(next, heartbeat.deadline(!stalled)) : next;
    }

    boolean subscribedOnce() {
        return tally.subscriptions() > 0;
    }

    MachineStatus status() {
        return tally.status(state, reason, state == ConnectionState.LIVE ? liveness.basis() : "", disconnectedSince);
    }

    /** The connections: none, being opened (CONNECT sent), open, or open with the subscription confirmed and up. */
    private enum Link { CLOSED, OPENING, OPEN, UP }
}
