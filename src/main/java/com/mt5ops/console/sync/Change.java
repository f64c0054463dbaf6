package com.mt5ops.console.sync;

import com.mt5ops.console.model.Instance;

/** One instance changed (upsert, with its new value) or disappeared from Redis (removed, instance null). */
public record Change(String instanceId, Kind kind, Instance instance) {

    /** What happened to the instance. */
    public enum Kind { UPSERT, REMOVED }

    public static Change upsert(Instance instance) {
        return new Change(instance.id(), Kind.UPSERT, instance);
    }

    public static Change removed(String id) {
        return new Change(id, Kind.REMOVED, null);
    }
}
