package com.mt5ops.console.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One immutable step of the mirror: the changes applied together, the stats after them, whether this batch is a
 * full resync (then the changes plus the receiver's unchanged entries are the whole fleet), and whether it is
 * {@code whole}: the changes ARE the whole fleet, and anything the receiver holds beyond them is gone (a listener's
 * first batch, and its first again after it failed).
 */
public record MirrorBatch(long version, List<Change> changes, MirrorStats stats, boolean fullSync, long publishedAtMs,
                          boolean whole) {

    public MirrorBatch {
        changes = List.copyOf(changes);
    }

    /** A batch of changes on top of what the receiver holds. */
    public MirrorBatch(long version, List<Change> changes, MirrorStats stats, boolean fullSync, long publishedAtMs) {
        this(version, changes, stats, fullSync, publishedAtMs, false);
    }

    /** For a whole batch: the same, plus a removal for each id in {@code held} that it does not name; else itself. */
    public MirrorBatch removingTheRestOf(Set<String> held) {
        if (!whole) {
            return this;
        }
        Set<String> named = new HashSet<>();
        changes.forEach(c -> named.add(c.instanceId()));
        List<Change> all = new ArrayList<>(changes);
        held.stream().filter(id -> !named.contains(id)).forEach(id -> all.add(Change.removed(id)));
        return new MirrorBatch(version, all, stats, fullSync, publishedAtMs, false);
    }
}
