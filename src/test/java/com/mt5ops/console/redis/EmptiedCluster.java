package com.mt5ops.console.redis;

import static com.mt5ops.console.redis.SlotTestSupport.masters;

import com.mt5ops.console.testing.RedisCluster;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real three-master Redis Cluster for one test class, with a cluster connection to it; before each test every
 * master is emptied of data and of ACL users other than the default.
 */
final class EmptiedCluster implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private RedisCluster cluster;
    private RedisClusterClient client;
    private StatefulRedisClusterConnection<String, String> connection;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster = RedisCluster.start(3, 0);
        client = RedisClusterClient.create(cluster.uri());
        connection = client.connect();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        masters(cluster).forEach(n -> {
            n.flushall();
            n.aclUsers().stream().filter(u -> !u.equals("default")).forEach(n::aclDeluser);
        });
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    RedisCluster cluster() {
        return cluster;
    }

    /** Another connection to the cluster, for the caller to close. */
    StatefulRedisClusterConnection<String, String> connect() {
        return client.connect();
    }

    RedisAdvancedClusterCommands<String, String> sync() {
        return connection.sync();
    }

    RedisAdvancedClusterAsyncCommands<String, String> async() {
        return connection.async();
    }
}
