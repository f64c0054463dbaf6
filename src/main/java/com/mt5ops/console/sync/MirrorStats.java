package com.mt5ops.console.sync;

import java.time.Instant;

/**
 * The mirror's health at one moment: connection state, when the last full sync finished, event rate and
 * counters, and why it is not LIVE (empty when it is).
 */
public record MirrorStats(ConnectionState state, Instant lastFullSync, double eventsPerSecond, long events,
                          long resyncs, long reconnects, long version, int instances, String reason,
                          Instant disconnectedSince) {
}
