package com.mt5ops.console.sync;

import java.util.BitSet;

/**
 * The cluster slots whose master is not LIVE now (frozen, connection lost): the instances with any of their three
 * keys there are shown greyed, the others stay live. Immutable; a mirror hands out a new one only when the set changes.
 */
public final class DownSlots {
    /** No slot is down (and off a cluster, none can be). */
    public static final DownSlots NONE = new DownSlots(new BitSet(), new InstanceSlots());

    private final BitSet slots;
    private final InstanceSlots ids;

    DownSlots(BitSet slots, InstanceSlots ids) {
        this.slots = (BitSet) slots.clone();
        this.ids = ids;
    }

    public boolean isEmpty() {
        return slots.isEmpty();
    }

    /** How many of the 16,384 slots are down. */
    public int count() {
        return slots.cardinality();
    }

    public boolean has(int slot) {
        return slots.get(slot);
    }

    /** True when any of the instance's hashes lives in a slot that is down: what the mirror shows of it may be behind. */
    public boolean covers(String instanceId) {
        if (slots.isEmpty()) {
            return false;
        }
        for (int slot : ids.of(instanceId)) {
            if (slots.get(slot)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DownSlots d && d.slots.equals(slots);
    }

    @Override
    public int hashCode() {
        return slots.hashCode();
    }

    @Override
    public String toString() {
        return count() + " slots down";
    }
}
