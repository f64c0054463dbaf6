package com.mt5ops.console.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing posted to the mirror's worker is lost: the inbox hands over every event exactly once, however it races with
 * the worker's take (a flag read and reset in two steps lost a subscription that came in between), and a wake that
 * another wait swallowed still ends the worker's next park.
 */
class MirrorInboxTest {

    @Test
    void everySubscriptionPostedWhileTheWorkerTakesReachesItExactlyOnce() throws Exception {
        MirrorInbox inbox = new MirrorInbox(() -> { });
        int posts = 200_000;
        AtomicBoolean done = new AtomicBoolean();
        Thread eventLoop = new Thread(() -> {
            for (int k = 0; k < posts; k++) {
                inbox.post(1, new MirrorEvent.Subscribed());
            }
            done.set(true);
        });
        eventLoop.start();
        long taken = 0;
        while (!done.get() || !inbox.isEmpty()) {
            taken += inbox.take(1).size();
        }
        eventLoop.join();
        assertEquals(posts, taken + inbox.take(1).size());
    }

    @Test
    void whatAClosedConnectionStillPostsNeverReachesItsSuccessor() {
        MirrorInbox inbox = new MirrorInbox(() -> { });
        inbox.post(1, new MirrorEvent.LinkLost());
        inbox.post(2, new MirrorEvent.Subscribed());
        inbox.post(1, new MirrorEvent.PingAnswered());
        assertEquals(List.of(new MirrorEvent.Subscribed()), inbox.take(2));
        assertEquals(List.of(), inbox.take(2));
    }

    @Test
    @Timeout(10) // fails when exceeded: the wake was lost and the worker slept through it
    void aWakeSwallowedByAnotherWaitStillEndsTheNextPark() {
        DirtyQueue dirty = new DirtyQueue();
        dirty.bindWorker(Thread.currentThread());
        dirty.wake();
        // The worker's other waits (a future's get, a join) park too and take the unpark for themselves.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        dirty.park(TimeUnit.MINUTES.toNanos(5));
    }
}
