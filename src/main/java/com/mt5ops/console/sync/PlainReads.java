package com.mt5ops.console.sync;

import com.mt5ops.console.redis.Capabilities;
import com.mt5ops.console.redis.CapabilityCheck;
import com.mt5ops.console.redis.Fleet;
import com.mt5ops.console.redis.OneShotFleetReader;
import com.mt5ops.console.redis.PlainSubscription;
import com.mt5ops.console.redis.RedisEndpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mirror's start-up reads over plain RESP (cold, the full client takes over a second to connect): one read
 * ahead of the client, on its own thread, under a plain subscription to the same keyspace events when the server
 * already sends them, so that the read is a full sync and the mirror does not read everything twice. Anything
 * missing (Sentinel, scripts refused, notifications off, Redis down) makes it a first picture only, or nothing;
 * the mirror then syncs through its client, which reports the reason. Before anything else it asks what the Redis
 * user may do ({@link CapabilityCheck}), so that nothing here is sent that the server would deny.
 */
final class PlainReads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlainReads.class);

    /** The read-ahead's result: {@code covered} when a subscription heard every change since {@code readAt}. */
    record Early(Fleet fleet, boolean covered, Instant readAt) {
    }

    private final RedisEndpoint endpoint;
    private final Clock clock;
    private final MirrorAccess access;
    private final Thread ahead;
    private final java.util.concurrent.atomic.AtomicReference<Early> early = new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.CountDownLatch tried = new java.util.concurrent.CountDownLatch(1);
    private PlainSubscription subscription; // guarded by this
    private boolean handedOver; // guarded by this

    PlainReads(RedisEndpoint endpoint, KeyspaceListener events, Clock clock, Runnable whenRead, MirrorAccess access) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.access = access;
        this.ahead = new Thread(() -> {
            // First what this user may do: nothing below is sent if the server would deny it.
            CapabilityCheck.overPlain(endpoint).ifPresent(access::learned);
            access.askedAhead();
            boolean subscribed = access.isKnown() && access.mayReadConfig() && access.now().may(Capabilities.Right.SUBSCRIBE)
                    && keep(PlainSubscription.open(endpoint, events.pattern(), events::message,
                            why -> access.refused(Capabilities.Right.READ_CONFIG, why)).orElse(null));
            tried.countDown();
            Instant readAt = clock.instant();
            read().ifPresent(f -> {
                early.set(new Early(f, subscribed, readAt));
                whenRead.run();
            });
        }, "mirror-read-ahead");
        this.ahead.setDaemon(true);
    }

    void startReadAhead() {
        ahead.start();
    }

    /**
     * When the client subscribed first (warm, or a slow Redis): waits up to {@code limit} for a read-ahead that runs
     * under its own subscription, since it will count as the full sync; reading again meanwhile would only repeat it.
     */
    void awaitCoveredRead(java.time.Duration limit) {
        long deadline = clock.millis() + limit.toMillis();
        try {
            if (tried.await(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) && hasSubscription()) {
                ahead.join(Math.max(1, deadline - clock.millis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once the read-ahead has ended, with a fleet to take or without one. */
    boolean readFinished() {
        return ahead.getState() == Thread.State.TERMINATED;
    }

    private synchronized boolean hasSubscription() {
        return subscription != null;
    }

    /** The read-ahead's result, once (null before it is done, after it was taken, or when it failed). */
    Early takeEarly() {
        return early.getAndSet(null); // one step: a result landing between a read and a reset would be lost
    }

    /**
     * Called when the client's own subscription is confirmed: delivers what the plain one still holds, then closes
     * it; true when it held throughout (so the two together missed nothing).
     */
    synchronized boolean handOver() {
        handedOver = true;
        PlainSubscription s = subscription;
        subscription = null;
        if (s == null) {
            return false;
        }
        return s.drainAndClose(java.time.Duration.ofSeconds(2));
    }

    /** Keeps a new subscription unless the client's took over meanwhile (then it is closed at once). */
    private synchronized boolean keep(PlainSubscription s) {
        if (s != null && handedOver) {
            s.close();
            return false;
        }
        subscription = s;
        return s != null;
    }

    Optional<Fleet> read() {
        if (!access.isKnown()) {
            return Optional.empty(); // the server could not be asked over plain RESP: the client reads, once it has asked
        }
        try {
            return OneShotFleetReader.read(endpoint, access.now(), why -> access.refused(Capabilities.Right.READ_SCRIPT, why));
        } catch (RuntimeException e) {
            LOG.debug("plain read skipped: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        handedOver = true;
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
