package com.mt5ops.console.model;

import java.time.Instant;

/** The parsed `instance_metrics:{id}` hash: CPU in percent, memory and disk in MB, network in KBps. */
public record MetricsHash(Double cpuUsage, Double memoryUsage, Double networkUsage, Double diskUsage,
                          Instant lastUpdatedAt) {
}
