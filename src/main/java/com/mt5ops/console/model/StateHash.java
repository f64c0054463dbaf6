package com.mt5ops.console.model;

import java.time.Instant;

/** The parsed `instance:{id}` hash; a field is null when absent or invalid. */
public record StateHash(String brokerId, InstanceState state, LaunchMode launchMode, Long activeConnections,
                        Instant lastUpdatedAt) {
}
