package com.mt5ops.console.sync;

import com.mt5ops.console.redis.Capabilities;
import com.mt5ops.console.redis.CapabilityCheck;
import com.mt5ops.console.redis.FleetLoader;
import com.mt5ops.console.redis.MasterRoute;
import com.mt5ops.console.redis.NotificationConfig;
import com.mt5ops.console.redis.Patience;
import com.mt5ops.console.redis.RedisAccessException;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.sync.MirrorEvent.LinkLost;
import com.mt5ops.console.sync.MirrorEvent.MasterSwitched;
import com.mt5ops.console.sync.MirrorEvent.PingAnswered;
import com.mt5ops.console.sync.MirrorEvent.PingFailed;
import com.mt5ops.console.sync.MirrorEvent.Subscribed;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * One generation of the mirror's connections: pub/sub (PSUBSCRIBE on keyspace events), a control connection
 * (CONFIG, probes, the heartbeat PING) and the fleet loader's, each sending only what {@link MirrorAccess} allows. Lettuce reconnects each on its own and re-subscribes;
 * what happens to the link is posted to the mirror's inbox under this generation, so a closed connection's late
 * news cannot reach its successor.
 */
final class MirrorConnection implements MirrorLink {
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
    private final MirrorAccess access;

    /** Opens the connections; asks the server what its user may do first, unless {@code access} knows already. */
    MirrorConnection(RedisConnector connector, KeyspaceListener listener, MirrorInbox inbox, long generation, Patience patience,
                     MirrorAccess access) {
        this.patience = patience;
        // Behind Sentinel: a master switch moves the mirror at once, not when the old master drops its clients
        this.following = connector.route().follow(m -> inbox.post(generation, new MasterSwitched(m.toString())));
        this.access = access;
        StatefulRedisConnection<String, String> c = null;
        FleetLoader l = null;
        StatefulRedisPubSubConnection<String, String> p = null;
        try {
            c = connector.connect();
            if (!access.awaitAsked(java.time.Duration.ofSeconds(5))) {
                access.learned(CapabilityCheck.over(c.async(), connector.endpoint(), patience));
            }
            l = new FleetLoader(connector, patience, access::mayRunReadScript, why -> access.refused(Capabilities.Right.READ_SCRIPT, why));
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
            subscribe(p, listener);
        } catch (java.io.IOException e) {
            following.close();
            closeAll(p, l, c);
            throw RedisAccessException.from(connector.endpoint().display(), e);
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

    @Override
    public String master() {
        return master;
    }

    /** The fleet's pattern, and the probe's when a probe may be written; a refusal of the probe's where it could not be asked is learned. */
    private void subscribe(StatefulRedisPubSubConnection<String, String> p, KeyspaceListener listener) {
        if (access.mayProbe()) {
            try {
                p.sync().psubscribe(listener.pattern(), listener.probePattern());
                return;
            } catch (RedisCommandExecutionException e) {
                if (!RedisAccessException.isDenial(e.getMessage())) {
                    throw e;
                }
                access.refused(Capabilities.Right.PROBE, e.getMessage());
            }
        }
        p.sync().psubscribe(listener.pattern()); // a refusal (ACL) surfaces here
    }

    @Override
    public FleetLoader loader() {
        return loader;
    }

    @Override
    public boolean commandsUp() {
        return control.isOpen() && loader.isOpen();
    }

    /** Checks the notification flags as far as {@code access} allows; the machine's event for the outcome. */
    @Override
    public MirrorEvent checkNotifications() {
        return access.checkNotifications(NotificationConfig.over(control.async(), patience));
    }

    /** Writes and deletes a probe key, whose keyspace events prove notifications flow; refused, other events must. */
    @Override
    public void sendProbe() {
        if (!access.mayProbe()) {
            return;
        }
        try {
            patience.await(control.async().hset(probeKey, "probe", "1").toCompletableFuture(), PROBE_TIMEOUT_MS);
            patience.await(control.async().del(probeKey).toCompletableFuture(), PROBE_TIMEOUT_MS);
        } catch (ExecutionException | TimeoutException | RuntimeException refused) {
            LOG.debug("probe key refused; waiting for other keyspace events: {}", refused.toString());
            if (refused instanceof ExecutionException e && RedisAccessException.isDenial(String.valueOf(e.getCause().getMessage()))) {
                access.refused(Capabilities.Right.PROBE, e.getCause().getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void ping(MirrorInbox inbox, long generation) {
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
