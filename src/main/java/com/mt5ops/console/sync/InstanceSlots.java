package com.mt5ops.console.sync;

import com.mt5ops.console.model.KeySchema;
import io.lettuce.core.cluster.SlotHash;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cluster slots of an instance's three hashes ({@code instance:}, {@code instance_metrics:},
 * {@code instance_health:}), computed once per id (CRC16, as Redis does) and kept: the window asks for every card it
 * draws while a master is down. Any thread.
 */
final class InstanceSlots {
    /** A bound on ids remembered (ids come and go over a long day); past it the cache starts over. */
    private static final int MAX_IDS = 1_000_000;

    private final ConcurrentHashMap<String, int[]> slots = new ConcurrentHashMap<>();

    int[] of(String id) {
        int[] known = slots.get(id);
        if (known != null) {
            return known;
        }
        if (slots.size() >= MAX_IDS) {
            slots.clear();
        }
        int[] computed = {SlotHash.getSlot(KeySchema.instanceKey(id)), SlotHash.getSlot(KeySchema.metricsKey(id)),
                SlotHash.getSlot(KeySchema.healthKey(id))};
        slots.putIfAbsent(id, computed);
        return computed;
    }
}
