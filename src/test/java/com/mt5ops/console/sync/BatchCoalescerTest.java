package com.mt5ops.console.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCoalescerTest {
    private static MirrorStats stats(long version) {
        return new MirrorStats(ConnectionState.LIVE, null, 0, 0, 0, 0, version, 0, "", "", null);
    }

    private static MirrorBatch batch(long version, Change... changes) {
        return new MirrorBatch(version, List.of(changes), stats(version), false, version);
    }

    @Test
    void oneBatchInFlightAndChangesToOneIdMerge() {
        Deque<Runnable> fxQueue = new ArrayDeque<>();
        List<MirrorBatch> applied = new ArrayList<>();
        BatchCoalescer coalescer = new BatchCoalescer(fxQueue::add, applied::add);

        coalescer.onBatch(batch(1, Change.removed("a")));
        coalescer.onBatch(batch(2, Change.removed("b")));
        coalescer.onBatch(batch(3, Change.removed("a"), Change.removed("c")));
        assertEquals(1, fxQueue.size(), "never more than one hand-over queued");

        fxQueue.poll().run();
        assertEquals(1, applied.size());
        assertEquals(List.of("a", "b", "c"), applied.get(0).changes().stream().map(Change::instanceId).toList());
        assertEquals(3, applied.get(0).version());
        assertTrue(fxQueue.isEmpty(), "nothing new, nothing scheduled");

        coalescer.onBatch(batch(4));
        assertEquals(1, fxQueue.size());
        fxQueue.poll().run();
        assertEquals(4, applied.get(1).stats().version(), "stats-only batches still reach the consumer");
    }

    @Test
    void batchesArrivingWhileTheConsumerWorksAreDeliveredNext() {
        Deque<Runnable> fxQueue = new ArrayDeque<>();
        List<MirrorBatch> applied = new ArrayList<>();
        BatchCoalescer[] self = new BatchCoalescer[1];
        self[0] = new BatchCoalescer(fxQueue::add, b -> {
            applied.add(b);
            if (applied.size() == 1) {
                self[0].onBatch(batch(9, Change.removed("late")));
            }
        });
        self[0].onBatch(batch(1, Change.removed("x")));
        fxQueue.poll().run();
        assertEquals(1, fxQueue.size());
        fxQueue.poll().run();
        assertEquals(List.of("late"), applied.get(1).changes().stream().map(Change::instanceId).toList());
    }
}
