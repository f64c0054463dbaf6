package com.mt5ops.console.sync;

import com.mt5ops.console.redis.FleetLoader;
import com.mt5ops.console.redis.NotificationConfig;
import com.mt5ops.console.redis.RedisConnector;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.util.UUID;

/**
 * The mirror's connections: pub/sub (PSUBSCRIBE on keyspace events), a control connection (CONFIG, probes)
 * and the fleet loader's. Lettuce reconnects each on its own and re-subscribes the patterns.
 */
final class MirrorConnection implements AutoCloseable {
    static final String PROBE_PREFIX = "console:probe:";

    private final StatefulRedisPubSubConnection<String, String> pubsub;
    private final StatefulRedisConnection<String, String> control;
    private final FleetLoader loader;
    private final String probeKey = PROBE_PREFIX + UUID.randomUUID();
    private volatile boolean pubsubUp;

    MirrorConnection(RedisConnector connector, KeyspaceListener listener, DirtyQueue dirty) {
        StatefulRedisConnection<String, String> c = null;
        FleetLoader l = null;
        StatefulRedisPubSubConnection<String, String> p = null;
        try {
            c = connector.connect();
            l = new FleetLoader(connector);
            p = connector.connectPubSub();
            p.addListener(listener);
            p.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                    pubsubUp = true;
                    dirty.wake();
                }

                @Override
                public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                    pubsubUp = false;
                    dirty.wake();
                }
            });
            p.sync().psubscribe(listener.pattern(), listener.probePattern());
            pubsubUp = true;
        } catch (RuntimeException e) {
            if (p != null) {
                p.close();
            }
            if (l != null) {
                l.close();
            }
            if (c != null) {
                c.close();
            }
            throw e;
        }
        this.control = c;
        this.loader = l;
        this.pubsub = p;
    }

    boolean pubsubUp() {
        return pubsubUp && pubsub.isOpen();
    }

    /** The command connections are up too (after a restart they may come back later than pub/sub). */
    boolean commandsUp() {
        return control.isOpen() && loader.isOpen();
    }

    FleetLoader loader() {
        return loader;
    }

    NotificationConfig.Status ensureNotifications() {
        return new NotificationConfig().ensure(control.sync());
    }

    /** Writes and deletes a probe key, whose keyspace events prove notifications flow; false if not allowed. */
    boolean sendProbe() {
        try {
            control.sync().hset(probeKey, "probe", "1");
            control.sync().del(probeKey);
            return true;
        } catch (RuntimeException denied) {
            return false;
        }
    }

    @Override
    public void close() {
        pubsub.close();
        loader.close();
        control.close();
    }
}
