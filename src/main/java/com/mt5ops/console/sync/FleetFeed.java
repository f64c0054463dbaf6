package com.mt5ops.console.sync;

/** What a view needs from the live mirror: its batches, its stats, per-instance history, and a resync button. */
public interface FleetFeed {
    void addListener(MirrorListener listener);

    MirrorStats stats();

    HistorySeries history(String id);

    void requestResync();

    /** What the console may do on the Redis behind the feed; a feed without one may do nothing there. */
    default MirrorAccess access() {
        return MirrorAccess.unchecked();
    }
}
