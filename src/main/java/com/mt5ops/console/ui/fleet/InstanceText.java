package com.mt5ops.console.ui.fleet;

import com.mt5ops.console.model.Freshness;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.Problem;
import com.mt5ops.console.ui.fx.Format;
import com.mt5ops.console.ui.fx.LongText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The words every view uses for an instance's data age and what is wrong with it, so the card, the table, the
 * tooltips and the detail say the same, as of the view model's one clock.
 */
public final class InstanceText {
    private static final int CODES_NAMED = 3;
    private static final int MAX_HINT_PROBLEMS = 10;

    private InstanceText() {
    }

    /** "4s ago" while fresh, else the freshness first: "AGING 42s ago", "STALE 3m ago". */
    public static String dataAge(Instance i, FreshnessPolicy policy, Instant now) {
        Freshness f = i.freshness(policy, now);
        String age = Format.age(i.lastTrusted(policy, now), now);
        return f == Freshness.FRESH ? age : f.name() + " " + age;
    }

    /** What needs attention, worst first, as the cards show it: crashed, critical, restarting, stale, warning, data problems. */
    public static List<String> problems(Instance i, FreshnessPolicy policy, Instant now) {
        List<String> out = new ArrayList<>();
        InstanceState s = i.stateOrNull();
        HealthStatus h = i.healthOrNull();
        Freshness f = i.freshness(policy, now);
        if (s == InstanceState.CRASHED) {
            out.add("crashed");
        }
        if (h == HealthStatus.CRITICAL) {
            out.add("critical health");
        }
        if (s == InstanceState.RESTARTING) {
            out.add("restarting");
        }
        if (f == Freshness.STALE || f == Freshness.LOST) {
            out.add(f.wire() + " data");
        }
        if (h == HealthStatus.WARNING) {
            out.add("health warning");
        }
        if (i.hasProblems()) {
            LinkedHashSet<String> codes = new LinkedHashSet<>();
            for (Problem p : i.problems()) {
                codes.add(String.valueOf(p.code()));
            }
            int n = i.problems().size();
            out.add(n + (n == 1 ? " data problem: " : " data problems: ") + String.join(", ", codes.stream().limit(CODES_NAMED).toList())
                    + (codes.size() > CODES_NAMED ? ", …" : ""));
        }
        return out;
    }

    /** A hover hint: the id, the data's age, the last error and the problems, each bounded (values may be megabytes). */
    public static String hint(Instance i, FreshnessPolicy policy, Instant now) {
        String error = i.lastError();
        int more = i.problems().size() - MAX_HINT_PROBLEMS;
        return LongText.clip(i.id(), LongText.INLINE)
                + "\ndata " + dataAge(i, policy, now) + " (last update " + Format.clock(i.lastTrusted(policy, now)) + ")"
                + (error == null || error.isEmpty() ? "" : "\nlast error: " + LongText.clip(error, LongText.INLINE))
                + (i.hasProblems() ? "\n" + i.problems().stream().limit(MAX_HINT_PROBLEMS)
                        .map(p -> LongText.clip(p.code() + " " + (p.field() == null ? "" : p.field() + ": ") + p.message(), LongText.INLINE))
                        .collect(java.util.stream.Collectors.joining("\n")) : "")
                + (more > 0 ? "\n… and " + more + " more problems" : "");
    }
}
