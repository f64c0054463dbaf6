package com.mt5ops.console.sync;

import com.mt5ops.console.model.HashPart;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Ids (and state sets) that changed and must be fetched. Marking is lock-free and never blocks, so the pub/sub
 * callback can call it on Netty's event loop; repeated marks of one id coalesce, so memory is bounded by the
 * number of distinct ids however fast Redis writes.
 */
final class DirtyQueue {
    /** Which of an id's hashes changed; an empty set means only its set membership. */
    private final ConcurrentHashMap<String, Set<HashPart>> ids = new ConcurrentHashMap<>();
    /** The same ids, oldest first: draining costs the batch, not the table, and nobody waits behind newer marks. */
    private final Queue<String> order = new ConcurrentLinkedQueue<>();
    private final Set<String> sets = ConcurrentHashMap.newKeySet();
    private volatile Thread worker;
    /** Set by every wake: the worker's other waits (futures, joins) park too and may swallow the unpark itself. */
    private final AtomicBoolean woken = new AtomicBoolean();

    void bindWorker(Thread thread) {
        this.worker = thread;
    }

    /** Marks {@code part} of {@code id} changed (null: only its membership in a state set). */
    void markId(String id, HashPart part) {
        boolean[] fresh = {false};
        // Mutating the set inside compute is safe: the drainer takes it out with remove, atomically, before reading it.
        ids.compute(id, (k, v) -> {
            fresh[0] = v == null;
            Set<HashPart> parts = v == null ? EnumSet.noneOf(HashPart.class) : v;
            if (part != null) {
                parts.add(part);
            }
            return parts;
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
        woken.set(true);
        Thread w = worker;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** Takes up to {@code max} ids out of the queue, each with the parts that changed. */
    Map<String, Set<HashPart>> drainIds(int max) {
        Map<String, Set<HashPart>> out = new LinkedHashMap<>();
        String id;
        while (out.size() < max && (id = order.poll()) != null) {
            // A mark racing with this removal either lands in the removed set or re-enqueues the id.
            Set<HashPart> parts = ids.remove(id);
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

    /** True while {@code id} waits to be fetched: an event announced its change. */
    boolean isMarked(String id) {
        return ids.containsKey(id);
    }

    boolean hasIds() {
        return !order.isEmpty();
    }

    boolean hasSets() {
        return !sets.isEmpty();
    }

    /** Parks the worker until something is marked, an event is posted, or the time is up. */
    void park(long nanos) {
        if (!woken.getAndSet(false)) {
            LockSupport.parkNanos(this, Math.max(0, nanos));
        }
    }
}
