package com.mt5ops.console.sync;

import com.mt5ops.console.model.HashPart;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.redis.Capabilities;
import com.mt5ops.console.redis.CapabilityCheck;
import com.mt5ops.console.redis.FleetLoader;
import com.mt5ops.console.redis.KeyConnection;
import com.mt5ops.console.redis.NotificationConfig;
import com.mt5ops.console.redis.Patience;
import com.mt5ops.console.redis.RedisAccessException;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.sync.ClusterTopology.Master;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.event.ClusterTopologyChangedEvent;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One generation of the mirror's connections to a Redis Cluster. Keyspace events are node-local, so it subscribes on
 * every master (Lettuce's cluster pub/sub connection, node message propagation on), and follows the topology: a
 * change Lettuce reports (its periodic and adaptive refresh), or finds at a heartbeat, is posted as
 * {@link MirrorEvent.TopologyChanged}, and the mirror opens a new generation on the new masters. The notification check
 * and the heartbeat PING run on every master; {@link ClusterHealth} tells which are LIVE and which slots are down.
 */
final class ClusterMirrorConnection implements MirrorLink {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClusterMirrorConnection.class);

    private final RedisConnector connector;
    private final MirrorInbox inbox;
    private final long generation;
    private final Patience patience;
    private final MirrorAccess access;
    private final Clock clock;
    private final ClusterTopology topology;
    private final ClusterHealth health;
    private final AtomicBoolean moved = new AtomicBoolean();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final KeyConnection control;
    private final FleetLoader loader;
    private final ClusterProbe probe;
    private final StatefulRedisClusterPubSubConnection<String, String> pubsub;

    /** Opens the connections and subscribes on every master serving slots; throws (having closed what it opened) if it cannot. */
    ClusterMirrorConnection(RedisConnector connector, KeyspaceListener listener, MirrorInbox inbox, long generation,
                            Patience patience, MirrorAccess access, Duration stallAfter, Clock clock) {
        this.connector = connector;
        this.inbox = inbox;
        this.generation = generation;
        this.patience = patience;
        this.access = access;
        this.clock = clock;
        try {
            control = keep(connector.open());
            pubsub = keep(connector.connectClusterPubSub());
            topology = ClusterTopology.of(pubsub.getPartitions());
            if (topology.masters().isEmpty()) {
                throw new RedisAccessException(RedisAccessException.Reason.UNREACHABLE, "the cluster at "
                        + connector.endpoint().display() + " has no master serving slots", null);
            }
            health = new ClusterHealth(topology, stallAfter.toMillis(), new InstanceSlots());
            if (!access.awaitAsked(Duration.ofSeconds(5))) {
                access.learned(CapabilityCheck.over(node(topology.masters().get(0)).async(), connector.endpoint(), patience));
            }
            probe = new ClusterProbe(control, access, patience);
            loader = keep(new FleetLoader(connector, patience, access::mayRunReadScript, why -> access.refused(Capabilities.Right.READ_SCRIPT, why)));
            pubsub.setNodeMessagePropagation(true);
            pubsub.addListener(listener);
            reactor.core.Disposable watching = pubsub.getResources().eventBus().get().subscribe(e -> {
                if (e instanceof ClusterTopologyChangedEvent changed) {
                    compare(ClusterTopology.of(changed.after()));
                }
            });
            open.add(watching::dispose);
            for (Master m : topology.masters()) {
                subscribe(m, listener);
            }
        } catch (java.io.IOException e) {
            close();
            throw RedisAccessException.from(connector.endpoint().display(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("mirror subscribed on {} masters of {}: {}", topology.masters().size(), connector.endpoint().display(), topology.addresses());
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    /** PSUBSCRIBE on one master's own pub/sub connection; its confirmations and losses go to {@link #health}. */
    private void subscribe(Master m, KeyspaceListener listener) {
        StatefulRedisPubSubConnection<String, String> node = pubsub.getConnection(m.id());
        node.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void psubscribed(String pattern, long count) {
                if (pattern.equals(listener.pattern()) && health.subscribed(m.id())) {
                    inbox.post(generation, new MirrorEvent.Subscribed());
                } else {
                    report();
                }
            }
        });
        node.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                health.linkLost(m.id());
                report();
            }
        });
        if (access.mayProbe()) {
            try {
                node.sync().psubscribe(listener.pattern(), listener.probePattern());
                return;
            } catch (io.lettuce.core.RedisCommandExecutionException e) {
                if (!RedisAccessException.isDenial(e.getMessage())) {
                    throw e;
                }
                access.refused(Capabilities.Right.PROBE, e.getMessage());
            }
        }
        node.sync().psubscribe(listener.pattern()); // a refusal (ACL) surfaces here
    }

    /** A topology other than the one subscribed to: once per generation, the mirror is told to move to it. */
    private void compare(ClusterTopology now) {
        if (!now.masters().isEmpty() && !now.equals(topology) && moved.compareAndSet(false, true)) {
            String what = topology.changeTo(now);
            LOG.info("cluster topology changed ({}): subscribing on {}", what, now.addresses());
            inbox.post(generation, new MirrorEvent.TopologyChanged(what));
        }
    }

    /** Tells the machine when the set of masters that are down changed. */
    private void report() {
        MirrorEvent.MastersDown change = health.change(clock.millis());
        if (change != null) {
            LOG.info("cluster masters not LIVE: {}", change.down() == 0 ? "none" : change.which());
            inbox.post(generation, change);
        }
    }

    @SuppressWarnings("unchecked")
    private StatefulRedisClusterConnection<String, String> commands() {
        return (StatefulRedisClusterConnection<String, String>) control.raw();
    }

    private io.lettuce.core.api.StatefulRedisConnection<String, String> node(Master m) {
        return commands().getConnection(m.id());
    }

    @Override
    public String master() {
        return "";
    }

    @Override
    public ClusterView cluster() {
        return health.view(clock.millis());
    }

    @Override
    public FleetLoader loader() {
        return loader;
    }

    @Override
    public boolean commandsUp() {
        return control.isOpen() && loader.isOpen();
    }

    /** The flags of every master (a cluster's configuration is per node); the first that lacks them decides. */
    @Override
    public MirrorEvent checkNotifications() {
        boolean confirmed = true;
        boolean probe = false;
        for (Master m : topology.masters()) {
            MirrorEvent e = access.checkNotifications(NotificationConfig.over(node(m).async(), patience), m.address());
            if (e instanceof MirrorEvent.NotificationsOff off) {
                return new MirrorEvent.NotificationsOff("master " + m.address() + ": " + off.why());
            }
            MirrorEvent.NotificationsOn on = (MirrorEvent.NotificationsOn) e;
            confirmed &= on.confirmed();
            probe |= on.probe();
        }
        return new MirrorEvent.NotificationsOn(confirmed, probe);
    }

    /** One probe key per master, written and deleted through the cluster (each key named to land in that master's slots). */
    @Override
    public void sendProbe() {
        probe.send(topology.masters());
    }

    /**
     * A PING to every master that has none out (a frozen one keeps its first until it answers); the machine hears of the
     * first answer (its heartbeat: some master answers), or of the failure when all failed. Also compares Lettuce's view
     * of the topology with the one subscribed to, in case a refresh's news came before the view was updated.
     */
    @Override
    public void ping(MirrorInbox ignored, long gen) {
        compare(ClusterTopology.of(pubsub.getPartitions()));
        long now = clock.millis();
        List<Master> due = topology.masters().stream().filter(m -> health.ping(m.id(), now)).toList();
        AtomicInteger left = new AtomicInteger(due.size());
        AtomicBoolean told = new AtomicBoolean();
        for (Master m : due) {
            CompletableFuture<String> pong;
            try {
                pong = commands().getConnectionAsync(m.id()).thenCompose(c -> c.async().ping().toCompletableFuture());
            } catch (RuntimeException rejected) {
                pong = CompletableFuture.failedFuture(rejected);
            }
            pong.whenComplete((p, failure) -> {
                if (failure == null) {
                    health.answered(m.id());
                    if (told.compareAndSet(false, true)) {
                        inbox.post(generation, new MirrorEvent.PingAnswered());
                    }
                } else {
                    health.pingFailed(m.id(), String.valueOf(failure.getMessage()));
                }
                if (left.decrementAndGet() == 0 && told.compareAndSet(false, true)) {
                    inbox.post(generation, new MirrorEvent.PingFailed("no master answered: " + failure));
                }
                report();
            });
        }
        report();
    }

    /** Ids with any key on a master that is not LIVE wait: fetching them would hang; a full read follows its return. */
    @Override
    public Map<String, Set<HashPart>> fetchable(Map<String, Set<HashPart>> ids) {
        DownSlots down = health.view(clock.millis()).down();
        if (down.isEmpty()) {
            return ids;
        }
        Map<String, Set<HashPart>> out = new LinkedHashMap<>();
        ids.forEach((id, parts) -> {
            if (!down.covers(id)) {
                out.put(id, parts);
            }
        });
        return out;
    }

    @Override
    public List<String> readable(List<String> sets) {
        DownSlots down = health.view(clock.millis()).down();
        return down.isEmpty() ? sets : sets.stream().filter(s -> !down.has(SlotHash.getSlot(KeySchema.stateSetKey(s)))).toList();
    }

    @Override
    public void close() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) { // NOPMD: closing goes on with the rest
                LOG.debug("closing a cluster connection failed: {}", e.toString());
            }
        }
    }
}
