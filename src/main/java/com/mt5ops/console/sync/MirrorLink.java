package com.mt5ops.console.sync;

import com.mt5ops.console.model.HashPart;
import com.mt5ops.console.redis.FleetLoader;
import com.mt5ops.console.redis.Patience;
import com.mt5ops.console.redis.RedisConnector;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One generation of the mirror's connections to Redis: a single server ({@link MirrorConnection}, also behind
 * Sentinel) or a whole Redis Cluster ({@link ClusterMirrorConnection}: a subscription on every master). Whatever happens
 * to the connections is posted to the mirror's inbox under the generation it was opened with.
 */
interface MirrorLink extends AutoCloseable {
    /** Opens the kind of connections the endpoint needs: a cluster node's URI means the whole cluster. */
    static MirrorLink open(RedisConnector connector, KeyspaceListener listener, MirrorInbox inbox, long generation,
                           Patience patience, MirrorAccess access, MirrorConfig config, Clock clock) {
        return connector.cluster()
                ? new ClusterMirrorConnection(connector, listener, inbox, generation, patience, access, config.stallAfter(), clock)
                : new MirrorConnection(connector, listener, inbox, generation, patience, access);
    }

    /** Behind Sentinel, the master these connections reach (host:port); empty otherwise. */
    String master();

    /** On a cluster, how each master stands; {@link ClusterView#NONE} otherwise. */
    default ClusterView cluster() {
        return ClusterView.NONE;
    }

    FleetLoader loader();

    /** The command connections are up (after a restart they may come back later than pub/sub). */
    boolean commandsUp();

    /** Checks the notification flags (on every master of a cluster); the machine's event for the outcome. */
    MirrorEvent checkNotifications();

    /** Writes and deletes probe keys whose keyspace events prove notifications flow. */
    void sendProbe();

    /** Sends the heartbeat PING and returns at once; the answer is posted to {@code inbox}. */
    void ping(MirrorInbox inbox, long generation);

    /** Of the ids marked dirty, those that can be fetched now: not those with a key on a master that does not answer. */
    default Map<String, Set<HashPart>> fetchable(Map<String, Set<HashPart>> ids) {
        return ids;
    }

    /** Of the state sets marked dirty, those that can be read now. */
    default List<String> readable(List<String> sets) {
        return sets;
    }

    @Override
    void close();
}
