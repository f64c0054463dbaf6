package com.mt5ops.console.ui.fleet;

import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed in each instance from one update to the next (FX thread): when its state last changed and its
 * restarts last rose (the cards flash and mark them), and the new crashes and critical health to alert about.
 */
public final class ChangeTracker {
    private final Map<String, Instant> stateChangedAt = new HashMap<>();
    private final Map<String, Instant> restartsRoseAt = new HashMap<>();
    private final List<String> newCrashes = new ArrayList<>();
    private final List<String> newCritical = new ArrayList<>();

    /** {@code before} null: the instance is new, nothing changed. */
    void compare(Instance before, Instance next, Instant t) {
        if (before == null) {
            return;
        }
        if (before.stateOrNull() != next.stateOrNull()) {
            stateChangedAt.put(next.id(), t);
            if (next.stateOrNull() == InstanceState.CRASHED) {
                newCrashes.add(next.id());
            }
        }
        if (before.healthOrNull() != HealthStatus.CRITICAL && next.healthOrNull() == HealthStatus.CRITICAL) {
            newCritical.add(next.id());
        }
        Long r0 = before.restartsOrNull();
        Long r1 = next.restartsOrNull();
        if (r0 != null && r1 != null && r1 > r0) {
            restartsRoseAt.put(next.id(), t);
        }
    }

    public Instant stateChangedAt(String id) {
        return stateChangedAt.get(id);
    }

    public Instant restartsRoseAt(String id) {
        return restartsRoseAt.get(id);
    }

    /** Instances that crashed since the last call (not those already crashed at the first sync). */
    public List<String> drainNewCrashes() {
        return drain(newCrashes);
    }

    /** Instances whose health turned critical since the last call. */
    public List<String> drainNewCritical() {
        return drain(newCritical);
    }

    private static List<String> drain(List<String> ids) {
        List<String> out = List.copyOf(ids);
        ids.clear();
        return out;
    }
}
