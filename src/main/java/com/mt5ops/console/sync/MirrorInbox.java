package com.mt5ops.console.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Events for the mirror's worker from other threads (Lettuce's event loop: subscriptions confirmed, links lost,
 * PINGs answered), each tagged with the generation of the connection it came from. A queue, not a flag: every event
 * posted is taken exactly once, so one arriving while the worker handles the previous is never lost.
 */
final class MirrorInbox {
    /** One event and the connection generation it belongs to. */
    record Letter(long generation, MirrorEvent event) {
    }

    private final Queue<Letter> letters = new ConcurrentLinkedQueue<>();
    private final Runnable wake;

    MirrorInbox(Runnable wake) {
        this.wake = wake;
    }

    /** Any thread, never blocks. */
    void post(long generation, MirrorEvent event) {
        letters.add(new Letter(generation, event));
        wake.run();
    }

    /** The worker: everything posted so far, oldest first, for connection {@code generation} only (older ones are dropped). */
    List<MirrorEvent> take(long generation) {
        List<MirrorEvent> out = new ArrayList<>();
        Letter l;
        while ((l = letters.poll()) != null) {
            if (l.generation() == generation) {
                out.add(l.event());
            }
        }
        return out;
    }

    boolean isEmpty() {
        return letters.isEmpty();
    }
}
