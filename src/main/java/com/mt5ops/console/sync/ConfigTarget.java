package com.mt5ops.console.sync;

import com.mt5ops.console.redis.KeyConnection;
import com.mt5ops.console.redis.NotificationConfig;
import com.mt5ops.console.redis.RedisConnector;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;

/**
 * Where a consented CONFIG SET goes: the server itself, or on a Redis Cluster the one master (host:port) the offer was
 * for, reached through the cluster connection. Closing it closes what it opened.
 */
record ConfigTarget(NotificationConfig.Access access, AutoCloseable opened) implements AutoCloseable {
    /** {@code node}: host:port of a cluster master; empty for the endpoint itself. */
    @SuppressWarnings("unchecked")
    static ConfigTarget open(RedisConnector connector, String node) {
        if (node.isEmpty()) {
            StatefulRedisConnection<String, String> c = connector.connect();
            return new ConfigTarget(NotificationConfig.over(c.sync()), c);
        }
        KeyConnection cluster = connector.open();
        try {
            int colon = node.lastIndexOf(':');
            StatefulRedisConnection<String, String> c = ((StatefulRedisClusterConnection<String, String>) cluster.raw())
                    .getConnection(node.substring(0, colon), Integer.parseInt(node.substring(colon + 1)));
            return new ConfigTarget(NotificationConfig.over(c.sync()), cluster);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            opened.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
