package com.mt5ops.console.ui.fleet;

import com.mt5ops.console.model.Freshness;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceState;
import java.time.Instant;
import java.util.Collection;

/** The fleet totals behind the KPI tiles and the status bar. */
public record KpiCounts(int total, int running, int stopped, int crashed, int restarting, int critical, int warning,
                        int stale, int withProblems, double cpuAverage, double memoryTotalMb) {

    public static KpiCounts empty() {
        return new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Counts {@code fleet} as of {@code now}; the CPU average is over the running instances that report it. */
    public static KpiCounts of(Collection<Instance> fleet, FreshnessPolicy policy, Instant now) {
        int running = 0, stopped = 0, crashed = 0, restarting = 0, critical = 0, warning = 0, stale = 0, problems = 0, cpuN = 0;
        double cpuSum = 0, mem = 0;
        for (Instance i : fleet) {
            InstanceState s = i.stateOrNull();
            if (s == InstanceState.RUNNING) {
                running++;
                Double c = i.cpuOrNull();
                if (c != null) {
                    cpuSum += c;
                    cpuN++;
                }
            } else if (s == InstanceState.STOPPED) {
                stopped++;
            } else if (s == InstanceState.CRASHED) {
                crashed++;
            } else if (s == InstanceState.RESTARTING) {
                restarting++;
            }
            HealthStatus h = i.healthOrNull();
            critical += h == HealthStatus.CRITICAL ? 1 : 0;
            warning += h == HealthStatus.WARNING ? 1 : 0;
            Freshness f = i.freshness(policy, now);
            stale += f == Freshness.STALE || f == Freshness.LOST ? 1 : 0;
            problems += i.hasProblems() ? 1 : 0;
            Double m = i.memoryOrNull();
            mem += m == null ? 0 : m;
        }
        return new KpiCounts(fleet.size(), running, stopped, crashed, restarting, critical, warning, stale, problems,
                cpuN == 0 ? 0 : cpuSum / cpuN, mem);
    }
}
