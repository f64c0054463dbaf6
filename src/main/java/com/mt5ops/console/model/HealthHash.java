package com.mt5ops.console.model;

import java.time.Instant;

/** The parsed `instance_health:{id}` hash. */
public record HealthHash(Long uptimeSeconds, Long restartCount, HealthStatus healthStatus, String lastError,
                         Instant lastUpdatedAt) {
}
