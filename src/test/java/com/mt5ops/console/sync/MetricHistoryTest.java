package com.mt5ops.console.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.MetricsHash;
import com.mt5ops.console.model.RawInstance;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricHistoryTest {
    private static Instance withCpu(Double cpu) {
        RawInstance raw = new RawInstance("a", null, Map.of(), null, Set.of(), Map.of());
        return new Instance("a", raw, null, new MetricsHash(cpu, 100.0, 0.0, 0.0, null), null, List.of());
    }

    @Test
    void keepsTheNewestSamplesOldestFirstOnePerSecond() {
        MetricHistory history = new MetricHistory(3);
        history.sample(List.of(withCpu(1.0)), 10);
        history.sample(List.of(withCpu(9.0)), 10);
        history.sample(List.of(withCpu(2.0)), 11);
        history.sample(List.of(withCpu(null)), 12);
        history.sample(List.of(withCpu(4.0)), 13);
        HistorySeries s = history.series("a");
        assertEquals(13, s.lastEpochSecond());
        assertArrayEquals(new float[] {2f, Float.NaN, 4f}, s.cpu());
        assertTrue(Float.isNaN(s.cpu()[1]), "unknown values stay unknown, not zero");
        assertEquals(0, history.series("nobody").size());
    }
}
