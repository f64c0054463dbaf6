package com.mt5ops.console.ui.fleet;

import com.mt5ops.console.model.Freshness;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceState;
import java.time.Instant;

/**
 * How urgently an instance needs a look, severity first: crashed, then critical health, restarting, stale or lost
 * data, warning, data problems, aging data; then stopped and fine. The rank behind problems-first ordering (newest
 * change first within a rank) and the problems-only filter.
 */
public final class Triage {
    public static final int CRASHED = 0;
    public static final int CRITICAL = 1;
    public static final int RESTARTING = 2;
    public static final int STALE = 3;
    public static final int WARNING = 4;
    public static final int DATA_PROBLEM = 5;
    public static final int AGING = 6;
    public static final int STOPPED = 7;
    public static final int OK = 8;

    private Triage() {
    }

    public static int rank(Instance i, FreshnessPolicy policy, Instant now) {
        InstanceState s = i.stateOrNull();
        HealthStatus h = i.healthOrNull();
        Freshness f = i.freshness(policy, now);
        if (s == InstanceState.CRASHED) {
            return CRASHED;
        }
        if (h == HealthStatus.CRITICAL) {
            return CRITICAL;
        }
        if (s == InstanceState.RESTARTING) {
            return RESTARTING;
        }
        if (f == Freshness.STALE || f == Freshness.LOST) {
            return STALE;
        }
        if (h == HealthStatus.WARNING) {
            return WARNING;
        }
        if (i.hasProblems()) {
            return DATA_PROBLEM;
        }
        if (f == Freshness.AGING) {
            return AGING;
        }
        return s == InstanceState.STOPPED ? STOPPED : OK;
    }

    /** Within one rank the newest state change comes first: the crash of a minute ago above the one of an hour ago. */
    public static long newestFirst(Instance i) {
        Instant changed = i.state() == null ? null : i.state().lastUpdatedAt();
        return changed == null ? Long.MAX_VALUE : -changed.getEpochSecond();
    }

    public static boolean needsAttention(Instance i, FreshnessPolicy policy, Instant now) {
        return rank(i, policy, now) <= AGING;
    }
}
