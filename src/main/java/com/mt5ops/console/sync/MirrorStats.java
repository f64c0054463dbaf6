package com.mt5ops.console.sync;

import java.time.Instant;

/**
 * The mirror's health at one moment: connection state, when the last full sync finished, event rate and
 * counters, why it is not LIVE (empty when it is), what LIVE rests on (events seen, the server's flags, or
 * reconciliation alone; empty when not LIVE), since when the data may be behind (null while current), and behind
 * Sentinel the master it reads (host:port; empty otherwise).
 */
public record MirrorStats(ConnectionState state, Instant lastFullSync, double eventsPerSecond, long events,
                          long resyncs, long reconnects, long version, int instances, String reason, String basis,
                          Instant disconnectedSince, String master) {

    /** Stats of a mirror that is not behind Sentinel. */
    public MirrorStats(ConnectionState state, Instant lastFullSync, double eventsPerSecond, long events, long resyncs,
                       long reconnects, long version, int instances, String reason, String basis, Instant disconnectedSince) {
        this(state, lastFullSync, eventsPerSecond, events, resyncs, reconnects, version, instances, reason, basis, disconnectedSince, "");
    }
}
