package com.mt5ops.console.sync;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Ids (and state sets) that changed and must be fetched. Marking is lock-free and never blocks, so the pub/sub
 * callback can call it on Netty's event loop; repeated marks of one id coalesce, so memory is bounded by the
 * number of distinct ids however fast Redis writes.
 */
final class DirtyQueue {
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final Set<String> sets = ConcurrentHashMap.newKeySet();
    private volatile Thread worker;

    void bindWorker(Thread thread) {
        this.worker = thread;
    }

    void markId(String id) {
        ids.add(id);
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

    /** Takes up to {@code max} ids out of the queue. */
    List<String> drainIds(int max) {
        List<String> out = new ArrayList<>(Math.min(max, Math.max(16, ids.size())));
        for (Iterator<String> it = ids.iterator(); it.hasNext() && out.size() < max; ) {
            out.add(it.next());
            it.remove();
        }
        return out;
    }

    List<String> drainSets() {
        List<String> out = new ArrayList<>(sets);
        out.forEach(sets::remove);
        return out;
    }

    boolean hasIds() {
        return !ids.isEmpty();
    }

    boolean hasSets() {
        return !sets.isEmpty();
    }

    void clear() {
        ids.clear();
        sets.clear();
    }

    /** Parks the worker until something is marked or the time is up. */
    void await(long nanos) {
        if (ids.isEmpty() && sets.isEmpty()) {
            LockSupport.parkNanos(this, Math.max(0, nanos));
        }
    }

    static long millis(long ms) {
        return TimeUnit.MILLISECONDS.toNanos(ms);
    }
}
