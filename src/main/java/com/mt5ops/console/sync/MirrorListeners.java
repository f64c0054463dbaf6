package com.mt5ops.console.sync;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The mirror's listeners: each joins with the whole current fleet as its first batch, then gets every batch in order. */
final class MirrorListeners {
    private static final Logger LOG = LoggerFactory.getLogger(MirrorListeners.class);

    private final List<MirrorListener> listening = new CopyOnWriteArrayList<>();
    private final Queue<MirrorListener> joining = new ConcurrentLinkedQueue<>();

    /** Any thread; the worker greets it at its next step. */
    void join(MirrorListener listener) {
        joining.add(listener);
    }

    /** Worker thread: sends each listener that joined its first batch, {@code whole} (the fleet as it is now). */
    void greet(Supplier<MirrorBatch> whole) {
        MirrorListener l;
        while ((l = joining.poll()) != null) {
            l.onBatch(whole.get());
            listening.add(l);
        }
    }

    /** Worker thread: one batch to every listener; one failing does not stop the others. */
    void send(MirrorBatch batch) {
        for (MirrorListener l : listening) {
            try {
                l.onBatch(batch);
            } catch (RuntimeException e) {
                LOG.warn("mirror listener failed", e);
            }
        }
    }
}
