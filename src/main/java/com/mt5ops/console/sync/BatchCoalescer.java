package com.mt5ops.console.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Coalesces mirror batches on the producer side for a slow consumer (the FX thread): changes to one id merge
 * (last wins), and at most one merged batch is in flight; the next is handed over only after the consumer
 * has applied the previous one. The hop is a {@code Consumer<Runnable>}, so tests pass {@code Runnable::run}.
 */
public final class BatchCoalescer implements MirrorListener {
    private final Consumer<Runnable> hop;
    private final Consumer<MirrorBatch> consumer;
    private final Object lock = new Object();
    private Map<String, Change> pending = new LinkedHashMap<>();
    private MirrorBatch latest;
    private boolean fullSync;
    private boolean whole;
    private boolean inFlight;
    private boolean dirty;

    public BatchCoalescer(Consumer<Runnable> hop, Consumer<MirrorBatch> consumer) {
        this.hop = hop;
        this.consumer = consumer;
    }

    @Override
    public void onBatch(MirrorBatch batch) {
        boolean schedule;
        synchronized (lock) {
            if (batch.whole()) {
                pending = new LinkedHashMap<>(); // it supersedes whatever waited
                whole = true;
            }
            for (Change c : batch.changes()) {
                pending.put(c.instanceId(), c);
            }
            latest = batch;
            fullSync |= batch.fullSync();
            dirty = true;
            schedule = !inFlight;
            inFlight = true;
        }
        if (schedule) {
            hop.accept(this::deliver);
        }
    }

    private void deliver() {
        MirrorBatch merged;
        synchronized (lock) {
            merged = new MirrorBatch(latest.version(), new ArrayList<>(pending.values()), latest.stats(), fullSync,
                    latest.publishedAtMs(), whole);
            pending = new LinkedHashMap<>();
            fullSync = false;
            whole = false;
            dirty = false;
        }
        try {
            consumer.accept(merged);
        } finally {
            boolean again;
            synchronized (lock) {
                again = dirty;
                inFlight = again;
            }
            if (again) {
                hop.accept(this::deliver);
            }
        }
    }
}
