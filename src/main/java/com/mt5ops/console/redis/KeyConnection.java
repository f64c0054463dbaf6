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

    /**
     * Sends the commands {@code dispatch} issues as one pipeline, flushed together. On a cluster the buffer is held only
     * while dispatching, then flushed and auto-flush turned back on (and flushed again, for a node connection that came
     * up meanwhile), so a command Lettuce sends later (a redirect, a node connection opened on demand) never waits in it.
     * Measured on three masters: about a third less time for 30,000 reads than each command flushed alone.
     */
    public void pipelined(Runnable dispatch) {
        if (!cluster) {
            dispatch.run();
            flush();
            return;
        }
        connection.setAutoFlushCommands(false);
        try {
            dispatch.run();
        } finally {
            connection.flushCommands();
            connection.setAutoFlushCommands(true);
            connection.flushCommands();
        }
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    /**
     * Each server that holds data, by address: the server itself (named ""), or every master of a cluster over its
     * node connection. For what is per node (CONFIG): a cluster's settings are each node's own.
     */
    public java.util.Map<String, io.lettuce.core.api.sync.RedisCommands<String, String>> servers() {
        java.util.Map<String, io.lettuce.core.api.sync.RedisCommands<String, String>> out = new java.util.LinkedHashMap<>();
        if (connection instanceof StatefulRedisConnection<String, String> single) {
            out.put("", single.sync());
            return out;
        }
        StatefulRedisClusterConnection<String, String> c = (StatefulRedisClusterConnection<String, String>) connection;
        for (var node : c.getPartitions()) {
            if (node.is(io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag.UPSTREAM)) {
                out.put(node.getUri().getHost() + ":" + node.getUri().getPort(), c.getConnection(node.getNodeId()).sync());
            }
        }
        return out;
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
