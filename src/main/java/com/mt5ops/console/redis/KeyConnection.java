package com.mt5ops.console.redis;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * A connection for key commands that works the same on a single Redis and on a Redis Cluster (where Lettuce routes
 * each command by its key's slot, and SCAN walks every master): what the fleet reads, audit reads, the simulator and
 * the slot-safe transitions need. Server-level commands that are per node (CONFIG, the heartbeat) are not here.
 */
public final class KeyConnection implements AutoCloseable {
    private final StatefulConnection<String, String> connection;
    private final RedisClusterAsyncCommands<String, String> async;
    private final RedisClusterCommands<String, String> sync;
    private final boolean cluster;

    private KeyConnection(StatefulConnection<String, String> connection, RedisClusterAsyncCommands<String, String> async,
                          RedisClusterCommands<String, String> sync, boolean cluster) {
        this.connection = connection;
        this.async = async;
        this.sync = sync;
        this.cluster = cluster;
    }

    static KeyConnection of(StatefulRedisConnection<String, String> c) {
        return new KeyConnection(c, c.async(), c.sync(), false);
    }

    static KeyConnection of(StatefulRedisClusterConnection<String, String> c) {
        return new KeyConnection(c, c.async(), c.sync(), true);
    }

    public RedisClusterAsyncCommands<String, String> async() {
        return async;
    }

    public RedisClusterCommands<String, String> sync() {
        return sync;
    }

    /** True on a Redis Cluster: one script may only touch keys of one slot. */
    public boolean cluster() {
        return cluster;
    }

    /**
     * Pipelining: commands wait in the buffer until {@link #flush()}. Not on a cluster: there a node connection Lettuce
     * opens after the flush would keep its commands buffered; each command is sent at once (still pipelined).
     */
    public void autoFlush(boolean on) {
        if (!cluster) {
            connection.setAutoFlushCommands(on);
        }
    }

    public void flush() {
        connection.flushCommands();
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    /** The connection itself, for what needs its own type (a cluster's node connections). */
    public StatefulConnection<String, String> raw() {
        return connection;
    }

    @Override
    public void close() {
        connection.close();
    }
}
