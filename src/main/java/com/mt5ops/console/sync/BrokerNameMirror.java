package com.mt5ops.console.sync;

import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.redis.BrokerNameReader;
import com.mt5ops.console.redis.KeyConnection;
import com.mt5ops.console.redis.RedisConnector;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the shared broker names (`console:broker_names`) live beside the fleet mirror. The hash lies outside the
 * fleet's `instance*` keys, so it has its own keyspace subscription; it is read again on each of its events, on every
 * full sync of the fleet (after each reconnection, every 30 s while LIVE, every 2 s while POLLING) and at least every
 * {@code every}. Its thread starts reading at the fleet's first full sync, when the client is up. Names are a
 * decoration: when they cannot be read, the last ones known stay and the log says why.
 */
public final class BrokerNameMirror implements BrokerNameFeed, AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BrokerNameMirror.class);

    private final RedisConnector connector;
    private final Duration every;
    private final String channel;
    private final Semaphore wake = new Semaphore(0);
    private final List<Consumer<Map<String, String>>> listeners = new CopyOnWriteArrayList<>();
    private final Thread worker = new Thread(this::run, "broker-names");
    private volatile Map<String, String> names = Map.of();
    private volatile boolean running = true;
    // Owned by the worker thread.
    private KeyConnection reader; // on a Redis Cluster, routed to the master of the hash's slot
    private StatefulRedisPubSubConnection<String, String> events;
    private String lastProblem;

    public BrokerNameMirror(RedisConnector connector, FleetFeed fleet, Duration every) {
        this.connector = connector;
        this.every = every;
        this.channel = "__keyspace@" + connector.endpoint().database() + "__:" + KeySchema.BROKER_NAMES;
        worker.setDaemon(true);
        fleet.addListener(batch -> {
            if (batch.fullSync()) {
                wake(); // on the mirror's worker: only a signal
            }
        });
    }

    public void start() {
        worker.start();
    }

    @Override
    public void addListener(Consumer<Map<String, String>> listener) {
        listeners.add(listener);
        listener.accept(names);
    }

    /** The names as last read. */
    public Map<String, String> names() {
        return names;
    }

    private void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        try {
            wake.acquire(); // the fleet's first full sync
            while (running) {
                read();
                wake.tryAcquire(every.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        try {
            if (reader == null) {
                reader = connector.open();
                subscribe();
            }
            Map<String, String> now = BrokerNameReader.read(reader.sync());
            lastProblem = null;
            if (!now.equals(names)) {
                names = now;
                listeners.forEach(l -> l.accept(now));
            }
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            if (!Objects.equals(why, lastProblem)) {
                LOG.warn("broker names not read ({}); showing the last ones known", why);
                lastProblem = why;
            }
        }
    }

    /** Its own keyspace channel; refused (an ACL without it), the names follow the fleet's full syncs only. */
    private void subscribe() {
        try {
            events = connector.connectPubSub();
            events.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String ch, String message) {
                    wake(); // on Netty's event loop: only a signal
                }
            });
            events.sync().subscribe(channel);
        } catch (RuntimeException e) {
            LOG.info("no keyspace events for {} ({}); names are read on every full sync", KeySchema.BROKER_NAMES, e.getMessage());
            if (events != null) {
                events.close();
                events = null;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (events != null) {
            events.close();
        }
        if (reader != null) {
            reader.close();
        }
    }
}
