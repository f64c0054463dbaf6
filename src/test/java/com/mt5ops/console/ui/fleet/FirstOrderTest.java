package com.mt5ops.console.ui.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.RawInstance;
import com.mt5ops.console.sync.Change;
import com.mt5ops.console.sync.ConnectionState;
import com.mt5ops.console.sync.MirrorBatch;
import com.mt5ops.console.sync.MirrorStats;
import com.mt5ops.console.testing.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The first batch's order sorted ahead is the order the view would give it, and is used only where it fits. */
class FirstOrderTest {
    private static final FreshnessPolicy POLICY = FreshnessPolicy.defaults();
    private static final String[] STATES = {"running", "crashed", "restarting", "stopped", "running", "running"};
    private static final String[] HEALTH = {"healthy", "warning", "critical", "healthy"};

    private static MirrorBatch fleet(int n, long version) {
        InstanceParser parser = new InstanceParser(POLICY);
        List<Change> changes = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Map<String, String> state = Fixtures.stateHash(STATES[k % STATES.length]);
            Map<String, String> health = Fixtures.healthHash();
            health.put("health_status", HEALTH[k % HEALTH.length]);
            Map<String, String> metrics = Fixtures.metricsHash();
            metrics.put("cpu_usage", Integer.toString(k % 100));
            String id = Fixtures.newId();
            Instance i = parser.parse(new RawInstance(id, state, metrics, health, Set.of(), Map.of()), Instant.now());
            changes.add(Change.upsert(i));
        }
        MirrorStats stats = new MirrorStats(ConnectionState.CONNECTING, null, 0, 0, 0, 0, version, n, "", "", null);
        return new MirrorBatch(version, changes, stats, false, System.currentTimeMillis());
    }

    private static List<String> viewOrder(MirrorBatch batch, SortOrder sort, FilterCriteria criteria, Instant at) {
        List<Instance> shown = batch.changes().stream().map(Change::instance).filter(i -> criteria.matches(i, POLICY, at)).toList();
        return sort.order(shown, POLICY, at);
    }

    @Test
    void theOrderPreparedAheadIsTheViewsOwnForThatSortAndFilter() {
        Clock fixed = Clock.fixed(Instant.now(), java.time.ZoneOffset.UTC);
        FilterCriteria crashedOnly = FilterCriteria.none().withState(InstanceState.CRASHED);
        for (SortOrder sort : SortOrder.values()) {
            for (FilterCriteria criteria : List.of(FilterCriteria.none(), crashedOnly, FilterCriteria.none().withProblemsOnly(true))) {
                MirrorBatch batch = fleet(1500, 7);
                FirstOrder ahead = new FirstOrder(POLICY, sort, criteria, fixed, Runnable::run);
                ahead.prepare(batch);
                assertEquals(viewOrder(batch, sort, criteria, fixed.instant()), ahead.take(batch, sort, criteria), sort + " " + criteria);
            }
        }
    }

    @Test
    void anOrderNotReadyYetIsNotWaitedFor() {
        MirrorBatch batch = fleet(1500, 7);
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        FirstOrder ahead = new FirstOrder(POLICY, SortOrder.PROBLEMS_FIRST, FilterCriteria.none(), Clock.systemUTC(), queued::add);
        ahead.prepare(batch);
        assertNull(ahead.take(batch, SortOrder.PROBLEMS_FIRST, FilterCriteria.none()), "still sorting: the view sorts itself");
        queued.forEach(Runnable::run);
        assertEquals(1500, ahead.take(batch, SortOrder.PROBLEMS_FIRST, FilterCriteria.none()).size());
    }

    @Test
    void anotherBatchAnotherSortOrFilterOrASmallFleetGetNothing() {
        MirrorBatch batch = fleet(1500, 7);
        FirstOrder ahead = new FirstOrder(POLICY, SortOrder.PROBLEMS_FIRST, FilterCriteria.none(), Clock.systemUTC(), Runnable::run);
        ahead.prepare(batch);
        assertNull(ahead.take(fleet(1500, 8), SortOrder.PROBLEMS_FIRST, FilterCriteria.none()), "a merged or later batch");
        ahead = new FirstOrder(POLICY, SortOrder.PROBLEMS_FIRST, FilterCriteria.none(), Clock.systemUTC(), Runnable::run);
        ahead.prepare(batch);
        assertNull(ahead.take(batch, SortOrder.values()[1], FilterCriteria.none()), "the sort changed meanwhile");
        ahead = new FirstOrder(POLICY, SortOrder.PROBLEMS_FIRST, FilterCriteria.none(), Clock.systemUTC(), Runnable::run);
        ahead.prepare(batch);
        assertNull(ahead.take(batch, SortOrder.PROBLEMS_FIRST, FilterCriteria.none().withProblemsOnly(true)), "the filter changed");
        MirrorBatch small = fleet(200, 9);
        ahead = new FirstOrder(POLICY, SortOrder.PROBLEMS_FIRST, FilterCriteria.none(), Clock.systemUTC(), Runnable::run);
        ahead.prepare(small);
        assertNull(ahead.take(small, SortOrder.PROBLEMS_FIRST, FilterCriteria.none()), "small fleets are not filled whole");
    }
}
