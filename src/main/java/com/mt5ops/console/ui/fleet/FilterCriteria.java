package com.mt5ops.console.ui.fleet;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceState;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

/** What the operator filters on; null fields mean "any". */
public record FilterCriteria(String text, InstanceState state, HealthStatus health, String broker,
                             FreshnessFilter freshness, boolean problemsOnly) {

    public static FilterCriteria none() {
        return new FilterCriteria("", null, null, null, FreshnessFilter.ANY, false);
    }

    public boolean matches(Instance i, FreshnessPolicy policy, Instant now) {
        return matches(i, policy, now, id -> null);
    }

    /** With the broker names ({@code brokerNames}: broker id -> name or null), which the search text matches too. */
    public boolean matches(Instance i, FreshnessPolicy policy, Instant now, Function<String, String> brokerNames) {
        if (state != null && i.stateOrNull() != state) {
            return false;
        }
        if (health != null && i.healthOrNull() != health) {
            return false;
        }
        if (broker != null && !broker.equals(i.rawBrokerId())) {
            return false;
        }
        if (freshness != null && !freshness.accepts(i.freshness(policy, now))) {
            return false;
        }
        if (problemsOnly && !Triage.needsAttention(i, policy, now)) {
            return false;
        }
        return text == null || text.isBlank() || textMatches(i, text.trim().toLowerCase(Locale.ROOT), brokerNames);
    }

    /** True when what matches changes as data ages (a data-age filter, or problems only, which takes stale data). */
    public boolean dependsOnTime() {
        return problemsOnly || (freshness != null && freshness != FreshnessFilter.ANY);
    }

    private static boolean textMatches(Instance i, String needle, Function<String, String> brokerNames) {
        if (i.id().toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        String broker = i.rawBrokerId();
        if (broker != null && broker.toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        String name = broker == null ? null : brokerNames.apply(broker);
        if (name != null && name.toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        String error = i.lastError();
        return error != null && error.toLowerCase(Locale.ROOT).contains(needle);
    }

    public FilterCriteria withText(String t) {
        return new FilterCriteria(t, state, health, broker, freshness, problemsOnly);
    }

    public FilterCriteria withState(InstanceState s) {
        return new FilterCriteria(text, s, health, broker, freshness, problemsOnly);
    }

    public FilterCriteria withHealth(HealthStatus h) {
        return new FilterCriteria(text, state, h, broker, freshness, problemsOnly);
    }

    public FilterCriteria withBroker(String b) {
        return new FilterCriteria(text, state, health, b, freshness, problemsOnly);
    }

    public FilterCriteria withFreshness(FreshnessFilter f) {
        return new FilterCriteria(text, state, health, broker, f, problemsOnly);
    }

    public FilterCriteria withProblemsOnly(boolean p) {
        return new FilterCriteria(text, state, health, broker, freshness, p);
    }
}
