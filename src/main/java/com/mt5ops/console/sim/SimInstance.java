package com.mt5ops.console.sim;

import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.LaunchMode;

/** The simulator's own view of one instance. Mutable, touched only by the simulator thread. */
final class SimInstance {
    final String id;
    final String brokerId;
    final LaunchMode launchMode;
    final double memoryLimitMb;
    /** Stopped reporting (a lost agent); an operator's restart brings it back. */
    boolean silent;
    InstanceState state;
    double cpu;
    double memory;
    double network;
    double disk;
    int connections;
    long runningSinceMs;
    long stateSinceMs;
    long restartCount;
    HealthStatus health = HealthStatus.HEALTHY;
    String lastError = "";

    SimInstance(String id, String brokerId, LaunchMode launchMode, double memoryLimitMb, boolean silent) {
        this.id = id;
        this.brokerId = brokerId;
        this.launchMode = launchMode;
        this.memoryLimitMb = memoryLimitMb;
        this.silent = silent;
    }

    long uptimeSeconds(long nowMs) {
        return state == InstanceState.RUNNING ? Math.max(0, (nowMs - runningSinceMs) / 1000) : 0;
    }

    /** Health follows the state and the metrics, as a monitoring system would report it. */
    HealthStatus derivedHealth() {
        return switch (state) {
            case CRASHED -> HealthStatus.CRITICAL;
            case RESTARTING -> HealthStatus.WARNING;
            case STOPPED -> HealthStatus.HEALTHY;
            case RUNNING -> cpu > 92 || memory > memoryLimitMb * 0.95 ? HealthStatus.CRITICAL
                    : cpu > 78 || memory > memoryLimitMb * 0.85 ? HealthStatus.WARNING : HealthStatus.HEALTHY;
        };
    }
}
