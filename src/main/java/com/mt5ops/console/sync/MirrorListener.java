package com.mt5ops.console.sync;

/** Receives the mirror's batches, in order, on the mirror's worker thread: return quickly, never block. */
@FunctionalInterface
public interface MirrorListener {
    void onBatch(MirrorBatch batch);
}
