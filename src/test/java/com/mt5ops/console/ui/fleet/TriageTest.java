package com.mt5ops.console.ui.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.model.RawInstance;
import com.mt5ops.console.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Problems first is severity first: crashed, critical, restarting, stale or lost, warning, data problems, aging. */
class TriageTest {
    private static final FreshnessPolicy POLICY = FreshnessPolicy.defaults();
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final InstanceParser parser = new InstanceParser(POLICY);

    /** An instance named {@code name} (its id), in {@code state} with {@code health}, last written {@code ageSeconds} ago. */
    private Instance instance(String name, String state, String health, long ageSeconds, String cpu) {
        String at = NOW.minusSeconds(ageSeconds).toString();
        Map<String, String> s = new java.util.HashMap<>(Fixtures.stateHash(state));
        s.put("last_updated_at", at);
        Map<String, String> m = new java.util.HashMap<>(Fixtures.metricsHash());
        m.put("last_updated_at", at);
        m.put("cpu_usage", cpu);
        Map<String, String> h = new java.util.HashMap<>(Fixtures.healthHash());
        h.put("last_updated_at", at);
        h.put("health_status", health);
        // a UUID that sorts like the name's leading number, so the expected order is the ids sorted
        String id = String.format("00000000-0000-0000-0000-%012d", Integer.parseInt(name.replaceAll("^(\\d+).*", "$1")) * 10
                + (name.matches("^\\d+b.*") ? 1 : 0));
        return parser.parse(new RawInstance(id, s, m, h, Set.of(state), Map.of()), NOW);
    }

    @Test
    void problemsFirstOrdersBySeverityAndNewestChangeFirstWithinOne() {
        List<Instance> fleet = new ArrayList<>(List.of(
                instance("08-ok", "running", "healthy", 1, "10"),
                instance("07-stopped", "stopped", "healthy", 1, "0"),
                instance("06-aging", "running", "healthy", 30, "10"),
                instance("05-data-problem", "running", "healthy", 1, "abc"),
                instance("04-warning", "running", "warning", 1, "10"),
                instance("03-stale", "running", "healthy", 120, "10"),
                instance("02-restarting", "restarting", "healthy", 1, "10"),
                instance("01-critical", "running", "critical", 1, "10"),
                instance("00b-crashed-an-hour-ago", "crashed", "healthy", 3_600, "0"),
                instance("00a-crashed-just-now", "crashed", "healthy", 2, "0")));
        Collections.shuffle(fleet, new java.util.Random(7));
        List<String> expected = fleet.stream().map(Instance::id).sorted().toList();
        assertEquals(expected, SortOrder.PROBLEMS_FIRST.order(fleet, POLICY, NOW));
        assertEquals(expected, fleet.stream().sorted(SortOrder.PROBLEMS_FIRST.comparator(POLICY, NOW)).map(Instance::id).toList(),
                "the comparator agrees with the precomputed order");
    }

    @Test
    void problemsOnlyKeepsEverythingUpToAgingData() {
        assertTrue(Triage.needsAttention(instance("1", "running", "healthy", 30, "10"), POLICY, NOW));
        assertTrue(Triage.needsAttention(instance("2", "running", "healthy", 1, "abc"), POLICY, NOW));
        assertFalse(Triage.needsAttention(instance("3", "stopped", "healthy", 1, "0"), POLICY, NOW));
        assertFalse(Triage.needsAttention(instance("4", "running", "healthy", 1, "10"), POLICY, NOW));
    }
}
