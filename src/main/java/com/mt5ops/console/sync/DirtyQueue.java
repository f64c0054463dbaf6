package com.mt5ops.console.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Ids (and state sets) that changed and must be fetched. Marking is lock-free and never blocks, so the pub/sub
 * callback can call it on Netty's event loop; repeated marks of one id coalesce, so memory is bounded by the
 * number of distinct ids however fast Redis writes.
 */
final class DirtyQueue {
    /** Which of an id's hashes changed, as a bit mask of {@link Parts}; 0 means only its set membership. */
    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    /** The same ids, oldest first: draining costs the batch, not the table, and nobody waits behind newer marks. */
    private final java.util.concurrent.ConcurrentLinkedQueue<String> order = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Set<String> sets = ConcurrentHashMap.newKeySet();
    private volatile Thread worker;

    void bindWorker(Thread thread) {
        this.worker = thread;
    }

    void markId(String id, int parts) {
        boolean[] fresh = {false};
        ids.compute(id, (k, v) -> {
            fresh[0] = v == null;
            return v == null ? parts : v | parts;
        });
        if (fresh[0]) {
            order.add(id);
        }
        wake();
    }

    void markSet(String state) {
        sets.add(state);
        wake();
    }

    void wake() {
        Thread w = worker;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** Takes up to {@code max} ids out of the queue, each with the parts that changed. */
    Map<String, Integer> drainIds(int max) {
        Map<String, Integer> out = new LinkedHashMap<>();
        String id;
        while (out.size() < max && (id = order.poll()) != null) {
            // A mark racing with this removal either lands in the removed mask or re-enqueues the id.
            Integer parts = ids.remove(id);
            if (parts != null) {
                out.put(id, parts);
            }
        }
        return out;
    }

    List<String> drainSets() {
        List<String> out = new ArrayList<>(sets);
        out.forEach(sets::remove);
        return out;
    }

    boolean hasIds() {
        return !order.isEmpty();
    }

    boolean hasSets() {
        return !sets.isEmpty();
    }

    /** Parks the worker until something is marked or the time is up. */
    void await(long nanos) {
        if (order.isEmpty() && sets.isEmpty()) {
            LockSupport.parkNanos(this, Math.max(0, nanos));
        }
    }
}
