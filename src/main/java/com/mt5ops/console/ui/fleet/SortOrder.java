package com.mt5ops.console.ui.fleet;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.Instance;
import java.time.Instant;
import java.util.Comparator;

/** The orderings of the grid; every one ends with the id so the order is total and stable. */
public enum SortOrder {
    PROBLEMS_FIRST("problems first"), ID("instance id"), BROKER("broker (grouped)"), CPU("CPU, highest first"),
    MEMORY("memory, highest first"), STATE("state"), DATA_AGE("oldest data first");

    private final String label;

    SortOrder(String label) {
        this.label = label;
    }

    public Comparator<Instance> comparator(FreshnessPolicy policy, Instant now) {
        Comparator<Instance> byId = Comparator.comparing(Instance::id);
        Comparator<Instance> primary = switch (this) {
            case PROBLEMS_FIRST -> Comparator.<Instance>comparingInt(i -> Triage.rank(i, policy, now))
                    .thenComparingLong(Triage::newestFirst);
            case ID -> (a, b) -> 0;
            case BROKER -> Comparator.<Instance, String>comparing(i -> String.valueOf(i.rawBrokerId()))
                    .thenComparingInt(i -> Triage.rank(i, policy, now)).thenComparingLong(Triage::newestFirst);
            case CPU -> Comparator.comparingDouble(i -> -number(i.cpuOrNull()));
            case MEMORY -> Comparator.comparingDouble(i -> -number(i.memoryOrNull()));
            case STATE -> Comparator.comparing(i -> i.stateOrNull() == null ? "~" : i.stateOrNull().wire());
            case DATA_AGE -> Comparator.comparing(i -> i.lastTrusted(policy, now) == null ? Instant.MIN : i.lastTrusted(policy, now));
        };
        return primary.thenComparing(byId);
    }

    /**
     * The ids of {@code shown} in this order; the triage rank is computed once per instance, not per comparison.
     * Grouped by broker, problems come first within each broker.
     */
    public java.util.List<String> order(java.util.List<Instance> shown, FreshnessPolicy policy, Instant now) {
        if (this != PROBLEMS_FIRST && this != BROKER) {
            return shown.stream().sorted(comparator(policy, now)).map(Instance::id).toList();
        }
        record Keyed(String group, int rank, long newest, String id) {
        }
        return shown.stream().map(i -> new Keyed(this == BROKER ? String.valueOf(i.rawBrokerId()) : "",
                        Triage.rank(i, policy, now), Triage.newestFirst(i), i.id()))
                .sorted(Comparator.comparing(Keyed::group).thenComparingInt(Keyed::rank).thenComparingLong(Keyed::newest)
                        .thenComparing(Keyed::id))
                .map(Keyed::id).toList();
    }

    private static double number(Double d) {
        return d == null ? -1 : d;
    }

    @Override
    public String toString() {
        return label;
    }
}
