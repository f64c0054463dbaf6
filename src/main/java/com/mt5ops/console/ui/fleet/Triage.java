package com.mt5ops.console.ui.fleet;

import com.mt5ops.console.model.Freshness;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceState;
import java.time.Instant;

/** How urgently an instance needs a look: the rank behind problems-first ordering and the problems-only filter. */
public final class Triage {
    public static final int URGENT = 0;
    public static final int SUSPECT = 1;
    public static final int WATCH = 2;
    public static final int IDLE = 3;
    public static final int OK = 4;

    private Triage() {
    }

    public static int rank(Instance i, FreshnessPolicy policy, Instant now) {
        InstanceState s = i.stateOrNull();
        HealthStatus h = i.healthOrNull();
        if (s == InstanceState.CRASHED || h == HealthStatus.CRITICAL) {
            return URGENT;
        }
        Freshness f = i.freshness(policy, now);
        if (i.hasProblems() || f == Freshness.STALE || f == Freshness.LOST) {
            return SUSPECT;
        }
        if (s == InstanceState.RESTARTING || h == HealthStatus.WARNING || f == Freshness.AGING) {
            return WATCH;
        }
        return s == InstanceState.STOPPED ? IDLE : OK;
    }

    public static boolean needsAttention(Instance i, FreshnessPolicy policy, Instant now) {
        return rank(i, policy, now) <= WATCH;
    }
}
