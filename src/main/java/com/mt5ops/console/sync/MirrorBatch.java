package com.mt5ops.console.sync;

import java.util.List;

/**
 * One immutable step of the mirror: the changes applied together, the stats after them, and whether this
 * batch is a full resync (then the changes plus the receiver's unchanged entries are the whole fleet).
 */
public record MirrorBatch(long version, List<Change> changes, MirrorStats stats, boolean fullSync, long publishedAtMs) {

    public MirrorBatch {
        changes = List.copyOf(changes);
    }
}
