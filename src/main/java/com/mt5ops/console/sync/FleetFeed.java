package com.mt5ops.console.sync;

/** What a view needs from the live mirror: its batches, its stats, per-instance history, and a resync button. */
public interface FleetFeed {
    void addListener(MirrorListener listener);

    MirrorStats stats();

    HistorySeries history(String id);

    void requestResync();
}
