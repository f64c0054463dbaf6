package com.mt5ops.console.sync;

import static com.mt5ops.console.sync.MirrorAction.CHECK_NOTIFICATIONS;
import static com.mt5ops.console.sync.MirrorAction.CONNECT;
import static com.mt5ops.console.sync.MirrorAction.DISCONNECT;
import static com.mt5ops.console.sync.MirrorAction.PING;
import static com.mt5ops.console.sync.MirrorAction.PUBLISH;
import static com.mt5ops.console.sync.MirrorAction.READ_ALL;
import static com.mt5ops.console.sync.MirrorAction.SEND_PROBE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.sync.MirrorEvent.ConnectFailed;
import com.mt5ops.console.sync.MirrorEvent.Connected;
import com.mt5ops.console.sync.MirrorEvent.Failed;
import com.mt5ops.console.sync.MirrorEvent.LinkLost;
import com.mt5ops.console.sync.MirrorEvent.MasterSwitched;
import com.mt5ops.console.sync.MirrorEvent.MastersDown;
import com.mt5ops.console.sync.MirrorEvent.NotificationsOff;
import com.mt5ops.console.sync.MirrorEvent.NotificationsOn;
import com.mt5ops.console.sync.MirrorEvent.PingAnswered;
import com.mt5ops.console.sync.MirrorEvent.PingFailed;
import com.mt5ops.console.sync.MirrorEvent.ReadDone;
import com.mt5ops.console.sync.MirrorEvent.ReadFailed;
import com.mt5ops.console.sync.MirrorEvent.ResyncRequested;
import com.mt5ops.console.sync.MirrorEvent.Start;
import com.mt5ops.console.sync.MirrorEvent.Subscribed;
import com.mt5ops.console.sync.MirrorEvent.Tick;
import com.mt5ops.console.sync.MirrorEvent.TopologyChanged;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every transition and deadline of the mirror's state machine, on a fake clock: no Redis, no threads, no sleeps. */
class MirrorMachineTest {
    private static final long T0 = 1_700_000_000_000L;
    private final MirrorConfig config = MirrorConfig.defaults();
    private MirrorMachine machine = new MirrorMachine(config, true, T0);
    private long now = T0;
    private long events;
    private long heard;
    /** A responsive server answers every PING at once; the stall tests turn this off and answer by hand. */
    private boolean serverAnswers = true;

    private List<MirrorAction> on(MirrorEvent e) {
        return machine.on(e, now);
    }

    /** Lets {@code ms} pass and ticks once. */
    private List<MirrorAction> after(long ms) {
        now += ms;
        List<MirrorAction> actions = on(new Tick(events, heard));
        if (serverAnswers && actions.contains(PING)) {
            on(new PingAnswered());
        }
        return actions;
    }

    private ConnectionState state() {
        return machine.status().state();
    }

    private String reason() {
        return machine.status().reason();
    }

    /** Start, connect, subscribe, notifications on, the probe heard: LIVE at {@code now}. */
    private void live() {
        on(new Start());
        on(new Connected());
        on(new Subscribed());
        on(new NotificationsOn(true));
        on(new ReadDone(now, 0));
        heard += 2;
        after(0);
        assertEquals(ConnectionState.LIVE, state());
    }

    @Test
    void startConnectsAndAConnectionThatFailsIsRetriedAfterTheRetryInterval() {
        assertEquals(List.of(CONNECT), on(new Start()));
        assertEquals(ConnectionState.CONNECTING, state());
        assertEquals(List.of(PUBLISH), on(new ConnectFailed("Connection refused")));
        assertEquals(ConnectionState.DISCONNECTED, state());
        assertEquals("cannot reach Redis: Connection refused", reason());
        assertEquals(T0, machine.status().disconnectedSince());
        assertEquals(T0 + 1_000, machine.nextDeadline());
        assertFalse(after(999).contains(CONNECT));
        assertTrue(after(1).contains(CONNECT));
        on(new ConnectFailed("Connection refused"));
        assertEquals(T0, machine.status().disconnectedSince(), "behind since the first failure, not the latest");
        on(new Connected());
        assertEquals(ConnectionState.CONNECTING, state());
        assertEquals("subscribing to keyspace events", reason());
    }

    @Test
    void aSubscriptionChecksNotificationsBeforeItReadsEverything() {
        on(new Start());
        on(new Connected());
        assertEquals(List.of(CHECK_NOTIFICATIONS, READ_ALL, PUBLISH), on(new Subscribed()));
        assertEquals(ConnectionState.CONNECTING, state());
        assertEquals("checking keyspace notifications", reason());
        assertFalse(machine.status().lastFullSync() != null);
        on(new ReadDone(now - 5, 0));
        assertEquals(now - 5, machine.status().lastFullSync());
        assertEquals(1, machine.status().resyncs());
    }

    @Test
    void notificationsOnSendAProbeAndAnyMessageHeardAfterwardsMakesItLive() {
        on(new Start());
        on(new Connected());
        on(new Subscribed());
        assertEquals(List.of(SEND_PROBE, PUBLISH), on(new NotificationsOn(true)));
        assertEquals("waiting for keyspace events", reason());
        assertEquals(List.of(), after(100));
        heard++;
        assertTrue(after(10).contains(PUBLISH));
        assertEquals(ConnectionState.LIVE, state());
        assertEquals("", reason());
        assertNull(machine.status().disconnectedSince());
    }

    @Test
    void aConsoleThatMayNotWriteSendsNoProbe() {
        machine = new MirrorMachine(config, false, T0);
        on(new Start());
        on(new Connected());
        on(new Subscribed());
        assertFalse(on(new NotificationsOn(true)).contains(SEND_PROBE));
    }

    @Test
    void aReadOnlyConsoleWhoseServerReportsTheFlagsIsLiveOnAQuietFleetAndSaysWhatItRestsOn() {
        machine = new MirrorMachine(config, false, T0);
        on(new Start());
        on(new Connected());
        on(new Subscribed());
        on(new NotificationsOn(true));
        on(new ReadDone(now, 0));
        after(4_999);
        assertEquals(ConnectionState.CONNECTING, state());
        after(1);
        assertEquals(ConnectionState.LIVE, state(), "no probe can be written: the reported flags stand for it");
        assertEquals(Liveness.FLAGS, machine.status().basis());
        assertFalse(after(2_000).contains(READ_ALL), "no polling: it stays LIVE without re-reading every 2 s");
        heard++;
        assertTrue(after(10).contains(PUBLISH));
        assertEquals(Liveness.EVENTS, machine.status().basis());
    }

    @Test
    void aReadOnlyConsoleThatMayNotReadTheFlagsSaysItIsUnverified() {
        machine = new MirrorMachine(config, false, T0);
        on(new Start());
        on(new Connected());
        on(new Subscribed());
        on(new NotificationsOn(false));
        after(5_000);
        assertEquals(ConnectionState.LIVE, state());
        assertEquals(Liveness.UNVERIFIED, machine.status().basis());
        assertEquals("", reason());
    }

    @Test
    void aReconciliationFindingChangesNoEventAnnouncedMeansPolling() {
        machine = new MirrorMachine(config, false, T0);
        on(new Start());
        on(new Connected());
        on(new Subscribed());
        on(new NotificationsOn(false));
        on(new ReadDone(now, 0));
        after(5_000);
        assertTrue(after(30_000).contains(READ_ALL));
        assertTrue(on(new ReadDone(now, 3)).contains(PUBLISH));
        assertEquals(ConnectionState.POLLING, state());
        assertEquals("3 changes found only by reading: keyspace events do not arrive", reason());
        assertEquals("", machine.status().basis());
    }

    @Test
    void changesFoundByAReconciliationAfterEventsWereHeardAreOnlyOnesInFlight() {
        live();
        assertTrue(after(30_000).contains(READ_ALL));
        on(new ReadDone(now, 2));
        assertEquals(ConnectionState.LIVE, state(), "events flow: the difference was in flight, not lost");
        assertEquals(Liveness.EVENTS, machine.status().basis());
    }

    @Test
    void noMessageWithinTheProbeTimeoutMeansPolling() {
        on(new Start());
        on(new Connected());
        on(new Subscribed());
        on(new NotificationsOn(true));
        after(4_999);
        assertEquals(ConnectionState.CONNECTING, state());
        after(1);
        assertEquals(ConnectionState.POLLING, state());
        assertEquals("no keyspace events arrived within 5 s", reason());
    }

    @Test
    void pollingReadsEveryPollIntervalAndChecksNotificationsAgainEveryTenSeconds() {
        on(new Start());
        on(new Connected());
        on(new Subscribed());
        assertTrue(on(new NotificationsOff("keyspace notifications lack Kghsx (now '')")).contains(PUBLISH));
        assertEquals(ConnectionState.POLLING, state());
        assertEquals("keyspace notifications lack Kghsx (now '')", reason());
        on(new ReadDone(now, 0));
        assertFalse(after(1_999).contains(READ_ALL));
        assertTrue(after(1).contains(READ_ALL));
        assertFalse(after(500).contains(READ_ALL), "one poll at a time: the next is due after this one is done");
        on(new ReadDone(now, 0));
        assertTrue(after(2_000).contains(READ_ALL));
        on(new ReadDone(now, 0));
        after(1_000);
        assertTrue(after(4_500).contains(CHECK_NOTIFICATIONS), "10 s after polling began");
        assertTrue(on(new NotificationsOn(true)).contains(SEND_PROBE));
        assertEquals(ConnectionState.POLLING, state(), "still polling until events are heard");
        heard++;
        after(10);
        assertEquals(ConnectionState.LIVE, state());
    }

    @Test
    void liveReconcilesEveryThirtySecondsCountedFromTheLastFullRead() {
        live();
        assertFalse(after(29_999).contains(READ_ALL));
        assertTrue(after(1).contains(READ_ALL));
        now += 200;
        on(new ReadDone(now, 0));
        assertFalse(after(29_999).contains(READ_ALL));
        assertTrue(after(1).contains(READ_ALL));
    }

    @Test
    void aLostLinkIsReconnectingAtOnceAndTheNextSubscriptionResyncs() {
        live();
        assertEquals(List.of(PUBLISH), on(new LinkLost()));
        assertEquals(ConnectionState.RECONNECTING, state());
        assertEquals(now, machine.status().disconnectedSince());
        assertFalse(machine.mayRead());
        assertEquals(List.of(), on(new LinkLost()), "a second loss changes nothing");
        assertFalse(after(60_000).contains(READ_ALL), "nothing is read or pinged while the link is down");
        assertFalse(after(1_000).contains(PING));
        assertEquals(List.of(), on(new ResyncRequested()));
        assertEquals(List.of(CHECK_NOTIFICATIONS, READ_ALL, PUBLISH), on(new Subscribed()));
        assertEquals(1, machine.status().reconnects());
        assertEquals(ConnectionState.RECONNECTING, state());
        on(new NotificationsOn(true));
        heard++;
        after(1);
        assertEquals(ConnectionState.LIVE, state());
        assertNull(machine.status().disconnectedSince());
    }

    @Test
    void aResubscriptionWithoutALossSeenStillLeavesLiveUntilEventsFlowAgain() {
        live();
        assertTrue(on(new Subscribed()).contains(READ_ALL));
        assertEquals(ConnectionState.RECONNECTING, state());
    }

    @Test
    void thePingIsSentEverySecondAfterTheLastAnswer() {
        serverAnswers = false;
        live();
        assertTrue(after(1_000).contains(PING));
        assertFalse(after(500).contains(PING), "one PING out at a time");
        on(new PingAnswered());
        assertFalse(after(999).contains(PING));
        assertTrue(after(1).contains(PING));
        on(new PingFailed("timed out"));
        assertEquals(ConnectionState.LIVE, state(), "a failed PING alone proves nothing; a late one does");
        assertTrue(after(1_000).contains(PING));
    }

    @Test
    void aPingUnansweredForTwoSecondsIsAStallThatGreysTheDataAndPausesReads() {
        serverAnswers = false;
        live();
        after(1_000); // PING out
        long sent = now;
        after(1_000);
        assertEquals(sent + 2_000, machine.nextDeadline(), "the PING turns late");
        after(999);
        assertEquals(ConnectionState.LIVE, state());
        assertTrue(after(1).contains(PUBLISH));
        assertEquals(ConnectionState.STALLED, state());
        assertEquals("no reply to PING for 2.0 s", reason());
        assertEquals(sent, machine.status().disconnectedSince());
        assertFalse(machine.mayRead(), "no new reads start on a frozen server");
        assertFalse(after(60_000).contains(READ_ALL), "the reconciliation waits");
        assertEquals(List.of(), on(new ResyncRequested()));
        List<MirrorAction> back = on(new PingAnswered());
        assertTrue(back.contains(READ_ALL), "catches up on what queued meanwhile");
        assertTrue(back.contains(PUBLISH));
        assertEquals(ConnectionState.LIVE, state());
        assertEquals("", reason());
        assertNull(machine.status().disconnectedSince());
    }

    @Test
    void aStallWhileWaitingForEventsDoesNotTurnIntoPollingAndTheWaitStartsOverAfterwards() {
        serverAnswers = false;
        on(new Start());
        on(new Connected());
        on(new Subscribed());
        after(1_000); // PING out
        on(new NotificationsOn(true));
        after(2_000);
        assertEquals(ConnectionState.STALLED, state());
        after(10_000);
        assertEquals(ConnectionState.STALLED, state(), "no events can arrive from a frozen server");
        on(new PingAnswered());
        serverAnswers = true;
        assertEquals(ConnectionState.CONNECTING, state());
        assertEquals("waiting for keyspace events", reason());
        after(4_999);
        assertEquals(ConnectionState.CONNECTING, state());
        heard++;
        after(1);
        assertEquals(ConnectionState.LIVE, state());
    }

    @Test
    void aFailedReadIsRetriedAfterASecondAndThreeInARowCountAsAFailure() {
        live();
        on(new ReadFailed("timed out"));
        assertEquals(ConnectionState.LIVE, state());
        assertFalse(after(999).contains(READ_ALL));
        assertTrue(after(1).contains(READ_ALL));
        on(new ReadFailed("timed out"));
        List<MirrorAction> third = on(new ReadFailed("timed out"));
        assertTrue(third.contains(DISCONNECT));
        assertEquals(ConnectionState.FAILED, state());
        assertEquals("the mirror stopped: reads keep failing: timed out; restarting in 1 s", reason());
    }

    @Test
    void aReadThatSucceedsClearsTheCountOfFailedOnes() {
        live();
        on(new ReadFailed("x"));
        on(new ReadFailed("x"));
        on(new ReadDone(now, 0));
        on(new ReadFailed("x"));
        assertEquals(ConnectionState.LIVE, state());
    }

    @Test
    void aFailureShowsAsFailedAndTheMirrorReconnectsAfterItsBackoff() {
        live();
        assertEquals(List.of(DISCONNECT, PUBLISH), on(new Failed("NullPointerException")));
        assertEquals(ConnectionState.FAILED, state());
        assertEquals("the mirror stopped: NullPointerException; restarting in 1 s", reason());
        assertEquals(now, machine.status().disconnectedSince());
        assertFalse(machine.mayRead());
        assertFalse(after(999).contains(CONNECT));
        assertTrue(after(1).contains(CONNECT));
        assertEquals(ConnectionState.RECONNECTING, state());
        assertEquals("restarting the mirror after: NullPointerException", reason());
        on(new Connected());
        on(new Subscribed());
        on(new NotificationsOn(true));
        heard++;
        after(1);
        assertEquals(ConnectionState.LIVE, state());
    }

    @Test
    void failuresInQuickSuccessionBackOffToThirtySecondsAndACalmMinuteStartsOver() {
        live();
        long[] expected = {1, 2, 4, 8, 16, 30, 30};
        for (long seconds : expected) {
            on(new Failed("boom"));
            assertTrue(reason().endsWith("restarting in " + seconds + " s"), reason());
            assertFalse(after(seconds * 1_000 - 1).contains(CONNECT));
            assertTrue(after(1).contains(CONNECT));
            on(new Connected());
        }
        now += 61_000;
        on(new Failed("boom"));
        assertTrue(reason().endsWith("restarting in 1 s"), reason());
    }

    @Test
    void linkEventsFromANotYetSubscribedConnectionChangeNothing() {
        on(new Start());
        on(new Connected());
        assertEquals(List.of(), on(new LinkLost()));
        assertEquals(List.of(), on(new NotificationsOn(true)));
        assertFalse(machine.mayRead());
        assertFalse(machine.subscribedOnce());
    }

    @Test
    void aResyncIsReadOnRequestWhileConnected() {
        live();
        assertEquals(List.of(READ_ALL), on(new ResyncRequested()));
    }

    @Test
    void eventsPerSecondAreMeasuredEachSecondAndPublished() {
        live();
        events += 750;
        assertTrue(after(1_000).contains(PUBLISH));
        assertEquals(750.0, machine.status().eventsPerSecond(), 1e-9);
        assertEquals(750, machine.status().events());
        assertFalse(after(500).contains(PUBLISH), "nothing new within the second");
    }

    @Test
    void theNextDeadlineIsTheEarliestThingDue() {
        serverAnswers = false;
        assertEquals(T0 + 1_000, machine.nextDeadline(), "the per-second tick");
        on(new Start());
        on(new ConnectFailed("refused"));
        now += 300;
        assertEquals(T0 + 1_000, machine.nextDeadline(), "retry and tick coincide");
        after(700);
        assertEquals(T0 + 1_000, now);
        on(new Connected());
        on(new Subscribed());
        on(new NotificationsOn(true));
        assertEquals(T0 + 2_000, machine.nextDeadline(), "the first PING and the next second");
        after(1_000); // PING out at T0 + 2 s
        assertEquals(T0 + 3_000, machine.nextDeadline(), "the next second; the PING is late only at T0 + 4 s");
        now += 999;
        on(new Tick(events, heard));
        assertEquals(T0 + 3_000, machine.nextDeadline());
        after(1);
        assertEquals(T0 + 4_000, machine.nextDeadline(), "the PING turns late as the next second begins");
        after(1_000);
        assertEquals(ConnectionState.STALLED, state());
        assertEquals(T0 + 5_000, machine.nextDeadline(), "stalled: only the seconds tick on");
        on(new PingAnswered());
        assertEquals(T0 + 5_000, machine.nextDeadline(), "the next PING a second after the answer");
        serverAnswers = true;
        after(1_000);
        after(1_000);
        after(1_000);
        after(1_000);
        assertEquals(ConnectionState.CONNECTING, state());
        assertEquals(T0 + 9_000, machine.nextDeadline(), "the wait for events started over when the stall ended");
        after(999);
        assertEquals(ConnectionState.CONNECTING, state());
        after(1);
        assertEquals(ConnectionState.POLLING, state(), "5 s of answering without an event");
    }

    @Test
    void aMasterSwitchLeavesTheOldMasterAtOnceAndResyncsFromTheNewOne() {
        live();
        now += 300;
        assertEquals(List.of(CONNECT, PUBLISH), on(new MasterSwitched("10.0.0.2:6380")), "no waiting for the old master to drop us");
        assertEquals(ConnectionState.RECONNECTING, state());
        assertEquals("master switched to 10.0.0.2:6380 (Sentinel)", reason());
        assertEquals(now, machine.status().disconnectedSince(), "what was shown came from the old master");
        assertFalse(machine.mayRead(), "nothing more is read from the old master");
        assertFalse(after(1_000).contains(PING));
        assertEquals(List.of(), on(new ResyncRequested()));
        assertEquals(List.of(), on(new Connected()), "opening the new connections keeps the reason");
        assertEquals("master switched to 10.0.0.2:6380 (Sentinel)", reason());
        assertEquals(List.of(CHECK_NOTIFICATIONS, READ_ALL, PUBLISH), on(new Subscribed()), "a full resync from the new master");
        assertEquals(1, machine.status().reconnects());
        on(new NotificationsOn(true));
        on(new ReadDone(now, 0));
        heard++;
        after(1);
        assertEquals(ConnectionState.LIVE, state());
        assertNull(machine.status().disconnectedSince());
    }

    @Test
    void aMasterSwitchEndsAStallOnAFrozenMasterAtOnce() {
        serverAnswers = false;
        live();
        after(1_000);
        after(2_000);
        assertEquals(ConnectionState.STALLED, state());
        long frozenSince = machine.status().disconnectedSince();
        assertTrue(on(new MasterSwitched("10.0.0.2:6380")).contains(CONNECT));
        assertEquals(ConnectionState.RECONNECTING, state());
        assertEquals(frozenSince, machine.status().disconnectedSince(), "behind since the freeze, not the switch");
        assertFalse(after(5_000).contains(PING), "no PING to the old master");
        serverAnswers = true;
        on(new Connected());
        assertTrue(on(new Subscribed()).contains(READ_ALL));
        assertTrue(machine.mayRead(), "no stall carried over to the new master");
        on(new NotificationsOn(true));
        heard++;
        assertTrue(after(1_000).contains(PING));
        assertEquals(ConnectionState.LIVE, state());
    }

    @Test
    void aMasterSwitchWhileDisconnectedOrFailedConnectsNowInsteadOfAfterTheDelay() {
        on(new Start());
        on(new ConnectFailed("Connection refused"));
        assertEquals(ConnectionState.DISCONNECTED, state());
        assertEquals(List.of(CONNECT, PUBLISH), on(new MasterSwitched("10.0.0.2:6380")));
        assertEquals("master switched to 10.0.0.2:6380 (Sentinel)", reason());
        assertFalse(after(1_000).contains(CONNECT), "the retry timer is gone: the connect is under way");
        on(new Connected());
        on(new Subscribed());
        assertEquals(List.of(DISCONNECT, PUBLISH), on(new Failed("boom")));
        assertEquals(ConnectionState.FAILED, state());
        assertEquals(List.of(CONNECT, PUBLISH), on(new MasterSwitched("10.0.0.3:6381")), "no backoff before the new master");
        assertEquals(ConnectionState.RECONNECTING, state());
        assertEquals("master switched to 10.0.0.3:6381 (Sentinel)", reason());
    }

    @Test
    void notificationsReportedOffByAConnectionAlreadyLeftChangeNothing() {
        live();
        on(new MasterSwitched("10.0.0.2:6380"));
        assertEquals(List.of(), on(new NotificationsOff("CONFIG refused")), "a check cut short by the switch");
        assertEquals(ConnectionState.RECONNECTING, state());
    }

    @Test
    void aClusterTopologyChangeLeavesTheOldMastersAtOnceAndResyncsOnTheNewOnes() {
        live();
        now += 300;
        assertEquals(List.of(CONNECT, PUBLISH), on(new TopologyChanged("127.0.0.1:7004 is a master now, 5461 slots moved")));
        assertEquals(ConnectionState.RECONNECTING, state());
        assertEquals("cluster topology changed: 127.0.0.1:7004 is a master now, 5461 slots moved", reason());
        assertEquals(now, machine.status().disconnectedSince());
        assertFalse(machine.mayRead(), "nothing more is read through the old subscription");
        assertFalse(after(1_000).contains(PING));
        assertEquals(List.of(), on(new Connected()));
        assertEquals(List.of(CHECK_NOTIFICATIONS, READ_ALL, PUBLISH), on(new Subscribed()), "a full resync on the new masters");
        assertEquals(1, machine.status().reconnects());
        on(new NotificationsOn(true));
        on(new ReadDone(now, 0));
        heard++;
        after(1);
        assertEquals(ConnectionState.LIVE, state());
        assertNull(machine.status().disconnectedSince());
    }

    @Test
    void aClusterMasterDownKeepsTheMirrorLiveButHoldsFullReadsUntilEveryMasterAnswersAgain() {
        live();
        assertEquals(List.of(PUBLISH), on(new MastersDown(1, "127.0.0.1:7002 STALLED (no reply to PING for 2.0 s)")));
        assertEquals(ConnectionState.LIVE, state(), "the other masters' instances stay live");
        assertEquals("", reason());
        assertTrue(machine.mayRead(), "dirty ids on the masters that answer are still fetched");
        assertEquals(List.of(), on(new ResyncRequested()), "a full read would hang on the frozen master");
        for (int s = 0; s < 60; s++) {
            assertFalse(after(1_000).contains(READ_ALL), "no reconciliation while a master is down");
            assertTrue(machine.nextDeadline() > now, "nothing due now: the worker sleeps");
        }
        assertEquals(List.of(PUBLISH), on(new MastersDown(2, "two down")));
        assertEquals(List.of(CHECK_NOTIFICATIONS, READ_ALL, PUBLISH), on(new MastersDown(0, "")),
                "all back: its flags checked (a restarted master has them off), and what changed meanwhile read");
        assertEquals(ConnectionState.LIVE, state());
        on(new ReadDone(now, 0));
        assertFalse(after(29_999).contains(READ_ALL));
        assertTrue(after(1).contains(READ_ALL), "reconciling again");
    }

    @Test
    void whenEveryClusterMasterIsFrozenTheMirrorStallsAndReadsOnlyOnceAllAnswer() {
        serverAnswers = false;
        live();
        on(new MastersDown(1, "127.0.0.1:7002 STALLED"));
        after(1_000); // PING out to the masters that answer
        after(2_000);
        assertEquals(ConnectionState.STALLED, state(), "no master answered");
        List<MirrorAction> back = on(new PingAnswered());
        assertEquals(ConnectionState.LIVE, state());
        assertFalse(back.contains(READ_ALL), "one master still down: the full read waits");
        assertTrue(on(new MastersDown(0, "")).contains(READ_ALL));
    }

    @Test
    void mastersReportedDownByAConnectionNotSubscribedYetChangeNothing() {
        on(new Start());
        on(new Connected());
        assertEquals(List.of(), on(new MastersDown(1, "127.0.0.1:7002 not subscribed yet")));
        on(new Subscribed());
        assertEquals(List.of(PUBLISH), on(new MastersDown(1, "127.0.0.1:7002 RECONNECTING")));
        live2();
    }

    /** After a subscription: notifications on, an event heard. */
    private void live2() {
        on(new NotificationsOn(true));
        heard++;
        after(1);
        assertEquals(ConnectionState.LIVE, state());
        assertEquals(List.of(), on(new ResyncRequested()), "still held for the master that is down");
    }
}
