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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The frozen order keeps its places for what still matches; what stops matching leaves at once, new matches join last. */
class VisibleOrderTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final InstanceParser parser = new InstanceParser(FreshnessPolicy.defaults());

    private Instance instance(String id, String state, long ageSeconds) {
        String at = NOW.minusSeconds(ageSeconds).toString();
        Map<String, String> s = new java.util.HashMap<>(Fixtures.stateHash(state));
        s.put("last_updated_at", at);
        Map<String, String> m = new java.util.HashMap<>(Fixtures.metricsHash());
        m.put("last_updated_at", at);
        Map<String, String> h = new java.util.HashMap<>(Fixtures.healthHash());
        h.put("last_updated_at", at);
        return parser.parse(new RawInstance(id, s, m, h, Set.of(state), Map.of()), NOW);
    }

    @Test
    void whatStopsMatchingLeavesAtOnceAndTheRestKeepTheirPlaces() {
        VisibleOrder order = new VisibleOrder();
        order.setAll(List.of("a", "b", "c", "d"));
        assertTrue(order.hide(List.of("b", "x")));
        assertEquals(List.of("a", "c", "d"), order.list());
        assertEquals(1, order.indexOf("c"));
        assertFalse(order.hide(List.of("b")), "nothing left to hide");
        order.append(List.of("e"));
        order.publishPending();
        assertEquals(List.of("a", "c", "d", "e"), order.list());
        assertEquals(3, order.indexOf("e"));
        assertEquals(1, order.pendingCount().get(), "a newcomer waits for the re-sort to find its place");
        order.hide(List.of("e"));
        order.publishPending();
        assertEquals(0, order.pendingCount().get(), "what left no longer waits");
    }

    @Test
    void aFilterOnTheDataAgeIsAppliedAgainAsDataAges() {
        Map<String, Instance> all = new LinkedHashMap<>();
        all.put("fresh", instance("fresh", "running", 2));
        all.put("old", instance("old", "running", 120));
        all.put("older", instance("older", "running", 30));
        VisibleOrder order = new VisibleOrder();
        order.setAll(List.of("fresh", "older"));
        FilterCriteria stale = FilterCriteria.none().withFreshness(FreshnessFilter.NOT_LIVE);
        assertTrue(stale.dependsOnTime());
        assertFalse(FilterCriteria.none().withText("x").dependsOnTime());
        Instant later = NOW.plusSeconds(40); // "older" is 70 s old now: stale
        assertTrue(order.refilter(all, i -> stale.matches(i, FreshnessPolicy.defaults(), later)));
        assertEquals(List.of("older", "old"), order.list());
    }
}
