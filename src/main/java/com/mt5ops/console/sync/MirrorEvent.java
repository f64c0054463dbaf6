package com.mt5ops.console.sync;

/** What happened to the mirror's connection, as the I/O shell tells {@link MirrorMachine}. Immutable. */
sealed interface MirrorEvent {
    /** Begin: connect for the first time. */
    record Start() implements MirrorEvent {
    }

    /** The connections are open and the keyspace subscription has been sent. */
    record Connected() implements MirrorEvent {
    }

    /** Opening the connections failed. */
    record ConnectFailed(String why) implements MirrorEvent {
    }

    /** Redis confirmed the keyspace subscription (the first one, or again after Lettuce reconnected). */
    record Subscribed() implements MirrorEvent {
    }

    /** The pub/sub connection dropped; Lettuce is reconnecting it. */
    record LinkLost() implements MirrorEvent {
    }

    /**
     * The server sends (or now sends) the keyspace events the mirror needs: {@code confirmed} when the flags were
     * read and suffice; false when they could not be read (CONFIG refused) and only events can tell. {@code probe}:
     * whether the Redis user may write the probe key that proves it (the mirror's own rights decide as well).
     */
    record NotificationsOn(boolean confirmed, boolean probe) implements MirrorEvent {
        /** A user who may write the probe key. */
        NotificationsOn(boolean confirmed) {
            this(confirmed, true);
        }
    }

    /** The server does not send them, and the console may not or did not change that. */
    record NotificationsOff(String why) implements MirrorEvent {
    }

    /** The heartbeat PING came back. */
    record PingAnswered() implements MirrorEvent {
    }

    /** The heartbeat PING failed (timed out, or the connection refused it). */
    record PingFailed(String why) implements MirrorEvent {
    }

    /**
     * A full read of the fleet finished; {@code atMs} is when it was taken; {@code unannounced}: instances it found
     * changed that no keyspace event had announced (not marked dirty).
     */
    record ReadDone(long atMs, int unannounced) implements MirrorEvent {
    }

    /** A full read or fetch failed. */
    record ReadFailed(String why) implements MirrorEvent {
    }

    /** Something unexpected broke the mirror's worker (a bug, an Error, a listener that threw). */
    record Failed(String why) implements MirrorEvent {
    }

    /**
     * Sentinel moved the master to {@code to} (host:port): leave the old one at once (it may stay writable for seconds
     * and show changes that will be thrown away), connect to the new one and read everything again.
     */
    record MasterSwitched(String to) implements MirrorEvent {
    }

    /**
     * Redis Cluster: the masters serving slots, or the slots they serve, changed (a replica promoted, a node added, a
     * slot migrated): subscribe on the new set of masters and read everything again. {@code what} says what changed.
     */
    record TopologyChanged(String what) implements MirrorEvent {
    }

    /**
     * Redis Cluster: {@code down} masters (0: none any more) are not LIVE (frozen, connection lost, not subscribed);
     * {@code which} names them and why. Full reads wait until all answer again (they would hang on a frozen one).
     */
    record MastersDown(int down, String which) implements MirrorEvent {
    }

    /** The operator asked for a full resync. */
    record ResyncRequested() implements MirrorEvent {
    }

    /** Time passed; {@code events} keyspace events counted so far, {@code heard} every message including probes. */
    record Tick(long events, long heard) implements MirrorEvent {
    }
}
