package com.mt5ops.console.ui.fleet;

/** The fleet totals behind the KPI tiles and the status bar. */
public record KpiCounts(int total, int running, int stopped, int crashed, int restarting, int critical, int warning,
                        int stale, int withProblems, double cpuAverage, double memoryTotalMb) {

    public static KpiCounts empty() {
        return new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
