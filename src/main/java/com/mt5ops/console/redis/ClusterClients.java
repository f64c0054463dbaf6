package com.mt5ops.console.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.MaintNotificationsConfig;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;

/**
 * The Lettuce clients for a Redis Cluster: short timeouts, a writer that never replays, and topology that is
 * followed: refreshed every 10 s and at once (at most every second) on MOVED, ASK, a failed reconnect or an unknown
 * node, so a promoted replica or a migrated slot is found.
 */
record ClusterClients(RedisClusterClient client, RedisClusterClient writeClient) {
    static final Duration REFRESH = Duration.ofSeconds(10);
    static final Duration ADAPTIVE_AT_MOST = Duration.ofSeconds(1);

    static ClusterClients build(ClientResources resources, RedisEndpoint endpoint, SocketOptions socket, Duration readTimeout,
                                Duration writeTimeout) {
        RedisClusterClient client = RedisClusterClient.create(resources, endpoint.uri());
        client.setOptions(options(endpoint, socket, readTimeout, false));
        RedisClusterClient writeClient = RedisClusterClient.create(resources, endpoint.uri());
        writeClient.setOptions(options(endpoint, socket, writeTimeout, true));
        return new ClusterClients(client, writeClient);
    }

    private static ClusterClientOptions options(RedisEndpoint endpoint, SocketOptions socket, Duration timeout, boolean writer) {
        ClusterClientOptions.Builder b = ClusterClientOptions.builder();
        b.maintNotificationsConfig(MaintNotificationsConfig.disabled());
        if (writer) {
            b.replayFilter(command -> true);
        }
        // Adaptive refreshes at most every second (Lettuce's default: 30 s): the first MOVED after a failover often comes
        // before the nodes agree on the new master, and the next one must not wait half a minute (the live mirror
        // moves its subscriptions when the view changes).
        return b.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder().enablePeriodicRefresh(REFRESH)
                        .enableAllAdaptiveRefreshTriggers().adaptiveRefreshTriggersTimeout(ADAPTIVE_AT_MOST).build())
                .autoReconnect(true)
                // Not REJECT_COMMANDS: a cluster connection opens its node connections on first use per slot, and
                // rejecting would refuse that first command. A command waits for its node (at most its timeout);
                // the writer still never replays what was in flight when a connection dropped.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.DEFAULT)
                .socketOptions(socket)
                .sslOptions(endpoint.tls().sslOptions())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build();
    }

    /**
     * A cluster connection with every master's node connection open: Lettuce opens them on first use, and with
     * REJECT_COMMANDS the first command to a node not yet connected would be refused.
     */
    static io.lettuce.core.cluster.api.StatefulRedisClusterConnection<String, String> connectToMasters(RedisClusterClient client) {
        var connection = client.connect();
        try {
            for (var node : connection.getPartitions()) {
                if (node.is(io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag.UPSTREAM)) {
                    // reads and writes go over separate node connections (Lettuce's connection intents)
                    connection.getConnection(node.getNodeId(), io.lettuce.core.protocol.ConnectionIntent.WRITE);
                    connection.getConnection(node.getNodeId(), io.lettuce.core.protocol.ConnectionIntent.READ);
                }
            }
            return connection;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    void shutdown() {
        writeClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
