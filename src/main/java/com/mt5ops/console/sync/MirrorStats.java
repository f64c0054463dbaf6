package com.mt5ops.console.sync;

import java.time.Instant;

/**
 * The mirror's health at one moment: connection state, when the last full sync finished, event rate and
 * counters, why it is not LIVE (empty when it is), what LIVE rests on (events seen, the server's flags, or
 * reconciliation alone; empty when not LIVE), since when the data may be behind (null while current), behind
 * Sentinel the master it reads (host:port; empty otherwise), and on a Redis Cluster how each master stands.
 */
public record MirrorStats(ConnectionState state, Instant lastFullSync, double eventsPerSecond, long events,
                          long resyncs, long reconnects, long version, int instances, String reason, String basis,
                          Instant disconnectedSince, String master, ClusterView cluster) {

    /** Stats of a mirror that is not on a Redis Cluster. */
    public MirrorStats(ConnectionState state, Instant lastFullSync, double eventsPerSecond, long events, long resyncs,
                       long reconnects, long version, int instances, String reason, String basis, Instant disconnectedSince,
                       String master) {
        this(state, lastFullSync, eventsPerSecond, events, resyncs, reconnects, version, instances, reason, basis,
                disconnectedSince, master, ClusterView.NONE);
    }

    /** Stats of a mirror that is neither behind Sentinel nor on a Redis Cluster. */
    public MirrorStats(ConnectionState state, Instant lastFullSync, double eventsPerSecond, long events, long resyncs,
                       long reconnects, long version, int instances, String reason, String basis, Instant disconnectedSince) {
        this(state, lastFullSync, eventsPerSecond, events, resyncs, reconnects, version, instances, reason, basis, disconnectedSince, "");
    }

    /**
     * True when what the mirror shows of {@code instanceId} is current: the connection is, and on a cluster none of the
     * instance's three keys lives on a master that is down (the other instances stay live meanwhile).
     */
    public boolean current(String instanceId) {
        return state.isCurrent() && !cluster.down().covers(instanceId);
    }
}
