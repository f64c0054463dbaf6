package com.mt5ops.console.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.ExpectedState;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.RawInstance;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.testing.Fixtures;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a bulk action will do, and the one sentence that says what it did. */
class BulkPlanTest {
    private final InstanceParser parser = new InstanceParser(FreshnessPolicy.defaults());
    private final Map<String, Instance> view = new HashMap<>();
    private final Map<String, ExpectedState> selected = new LinkedHashMap<>();

    private String instance(String state, String stateWhenSelected) {
        String id = Fixtures.newId();
        Map<String, String> s = Fixtures.stateHash(state);
        if (state == null) {
            s.remove("state");
        }
        view.put(id, parser.parse(new RawInstance(id, s, Fixtures.metricsHash(), Fixtures.healthHash(), Set.of(), Map.of()), Instant.now()));
        selected.put(id, ExpectedState.seen(stateWhenSelected));
        return id;
    }

    private BulkPlan plan(InstanceState to) {
        return BulkPlan.of(List.copyOf(selected.keySet()), to, view::get, selected::get, b -> "desk", new TransitionTable());
    }

    @Test
    void rowsComparedWithTheStateShownChangesMarkedAndForbiddenOnesSkipped() {
        String a = instance("crashed", "crashed");
        String recovered = instance("running", "crashed");
        String stopped = instance("stopped", "stopped");
        String none = instance(null, null);
        String zombie = instance("zombie", "zombie");
        String already = instance("restarting", "restarting");
        BulkPlan p = plan(InstanceState.RESTARTING);
        assertEquals(6, p.rows().size());
        assertEquals(List.of(a, recovered), p.sent().stream().map(BulkPlan.Row::id).toList());
        assertEquals(Map.of(a, ExpectedState.is("crashed"), recovered, ExpectedState.is("running")), p.expected(),
                "the CAS compares what the confirmation shows, not what was selected");
        BulkPlan.Row changed = p.rows().get(1);
        assertTrue(changed.changed());
        assertEquals("was crashed when selected, now running", changed.changeNote());
        Map<String, String> skips = new HashMap<>();
        p.rows().stream().filter(r -> !r.sent()).forEach(r -> skips.put(r.id(), r.skip()));
        assertEquals(Map.of(stopped, "stopped → restarting not allowed", none, "no state field: no transition starts there",
                zombie, "unknown state 'zombie': not in the transition table", already, "already restarting"), skips);
    }

    @Test
    void theResultIsOnePlainSentence() {
        String a = instance("crashed", "crashed");
        String b = instance("crashed", "crashed");
        String c = instance("running", "running");
        instance("stopped", "stopped");
        BulkPlan p = plan(InstanceState.RESTARTING);
        List<TransitionResult> results = List.of(
                new TransitionResult(Outcome.DONE, a, "restarting", "done"),
                new TransitionResult(Outcome.DONE, b, "restarting", "done"),
                new TransitionResult(Outcome.CONFLICT, c, "stopped", "conflict"));
        assertEquals("2 marked a restart · 1 conflict: now stopped · 1 skipped: stopped → restarting not allowed", p.summary(results));
        List<TransitionResult> failed = List.of(
                new TransitionResult(Outcome.DONE, a, "restarting", "done"),
                new TransitionResult(Outcome.DENIED, b, null, "permission denied: no"),
                new TransitionResult(Outcome.DENIED, c, null, "permission denied: no"));
        assertEquals("1 marked a restart · 2 denied (first: permission denied: no) · 1 skipped: stopped → restarting not allowed",
                p.summary(failed));
    }

    @Test
    void nothingAllowedSaysWhyBeforeAnythingIsAsked() {
        instance("stopped", "stopped");
        instance("stopped", "stopped");
        BulkPlan p = plan(InstanceState.CRASHED);
        assertTrue(p.sent().isEmpty());
        assertEquals("nothing to mark crashed: 2 skipped: stopped → crashed not allowed", p.nothingToSend());
    }
}
