package com.mt5ops.console.sync;

import com.mt5ops.console.redis.FleetLoader;
import com.mt5ops.console.redis.MasterRoute;
import com.mt5ops.console.redis.NotificationConfig;
import com.mt5ops.console.redis.Patience;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.sync.MirrorEvent.LinkLost;
import com.mt5ops.console.sync.MirrorEvent.MasterSwitched;
import com.mt5ops.console.sync.MirrorEvent.PingAnswered;
import com.mt5ops.console.sync.MirrorEvent.PingFailed;
import com.mt5ops.console.sync.MirrorEvent.Subscribed;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * One generation of the mirror's connections: pub/sub (PSUBSCRIBE on keyspace events), a control connection
 * (CONFIG, probes, the heartbeat PING) and the fleet loader's. Lettuce reconnects each on its own and re-subscribes;
 * what happens to the link is posted to the mirror's inbox under this generation, so a closed connection's late
 * news cannot reach its successor.
 */
final class MirrorConnection implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MirrorConnection.class);
    static final String PROBE_PREFIX = "console:probe:";
    private static final long PROBE_TIMEOUT_MS = 5_000;

    private final StatefulRedisPubSubConnection<String, String> pubsub;
    private final StatefulRedisConnection<String, String> control;
    private final FleetLoader loader;
    private final Patience patience;
    private final MasterRoute.Following following;
    private final String master;
    private final String probeKey = PROBE_PREFIX + UUID.randomUUID();

    MirrorConnection(RedisConnector connector, KeyspaceListener listener, MirrorInbox inbox, long generation, Patience patience) {
        this.patience = patience;
        // Behind Sentinel: a master switch moves the mirror at once, not when the old master drops its clients
        this.following = connector.route().follow(m -> inbox.post(generation, new MasterSwitched(m.toString())));
        StatefulRedisConnection<String, String> c = null;
        FleetLoader l = null;
        StatefulRedisPubSubConnection<String, String> p = null;
        try {
            c = connector.connect();
            l = new FleetLoader(connector, patience);
            p = connector.connectPubSub();
            p.addListener(listener);
            p.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void psubscribed(String pattern, long count) {
                    if (pattern.equals(listener.pattern())) {
                        inbox.post(generation, new Subscribed());
                    }
                }
            });
            p.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                    inbox.post(generation, new LinkLost());
                }
            });
            p.sync().psubscribe(listener.pattern(), listener.probePattern()); // a refusal (ACL) surfaces here
        } catch (RuntimeException e) {
            following.close();
            closeAll(p, l, c);
            throw e;
        }
        MasterRoute.Master at = connector.route().current();
        this.master = at == null ? "" : at.toString();
        this.control = c;
        this.loader = l;
        this.pubsub = p;
    }

    /** Behind Sentinel, the master these connections reach (host:port); empty otherwise. */
    String master() {
        return master;
    }

    FleetLoader loader() {
        return loader;
    }

    /** The command connections are up (after a restart they may come back later than pub/sub). */
    boolean commandsUp() {
        return control.isOpen() && loader.isOpen();
    }

    /** Reads the notification flags and, if {@code mayEnable}, adds the missing ones; the machine's event for the outcome. */
    MirrorEvent checkNotifications(boolean mayEnable) {
        NotificationConfig.Access access = NotificationConfig.over(control.async(), patience);
        NotificationConfig.Status status = mayEnable ? new NotificationConfig().ensure(access) : new NotificationConfig().read(access);
        if (status.changed()) {
            LOG.warn("{}", status.message());
        }
        // Flags it may not read (CONFIG refused): whether events arrive decides.
        return status.enabled() || status.flags() == null ? new MirrorEvent.NotificationsOn(status.enabled())
                : new MirrorEvent.NotificationsOff(status.message());
    }

    /** Writes and deletes a probe key, whose keyspace events prove notifications flow; refused, other events must. */
    void sendProbe() {
        try {
            patience.await(control.async().hset(probeKey, "probe", "1").toCompletableFuture(), PROBE_TIMEOUT_MS);
            patience.await(control.async().del(probeKey).toCompletableFuture(), PROBE_TIMEOUT_MS);
        } catch (ExecutionException | TimeoutException | RuntimeException refused) {
            LOG.debug("probe key refused; waiting for other keyspace events: {}", refused.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the heartbeat PING and returns at once; the answer is posted to {@code inbox}. */
    void ping(MirrorInbox inbox, long generation) {
        try {
            control.async().ping().whenComplete((pong, failure) -> inbox.post(generation,
                    failure == null ? new PingAnswered() : new PingFailed(String.valueOf(failure.getMessage()))));
        } catch (RuntimeException rejected) {
            inbox.post(generation, new PingFailed(String.valueOf(rejected.getMessage())));
        }
    }

    @Override
    public void close() {
        following.close();
        closeAll(pubsub, loader, control);
    }

    private static void closeAll(StatefulRedisPubSubConnection<String, String> p, FleetLoader l, StatefulRedisConnection<String, String> c) {
        if (p != null) {
            p.close();
        }
        if (l != null) {
            l.close();
        }
        if (c != null) {
            c.close();
        }
    }
}
