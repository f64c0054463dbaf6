package com.mt5ops.console.redis;

import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A keyspace subscription over plain RESP for the start-up seconds before the full client has subscribed: it
 * lets a plain read of the fleet count as a full sync (every change after the subscription is heard). Only when
 * the server already sends the events the console needs; the full client's subscription replaces it.
 */
public final class PlainSubscription implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlainSubscription.class);

    /** Receives each message, on the subscription's own thread. */
    public interface Listener {
        void message(String pattern, String channel, String message);
    }

    private final RespConnection connection;
    private final Thread reader;
    private final java.util.concurrent.CountDownLatch drained = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean broken;
    private volatile boolean closing;

    private PlainSubscription(RespConnection connection, Listener listener) {
        this.connection = connection;
        this.reader = new Thread(() -> deliver(listener), "plain-subscription");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Subscribed to {@code pattern} when this returns; empty when keyspace notifications lack what the console
     * needs (or CONFIG is denied), for Sentinel or socket endpoints, or when anything fails.
     */
    public static Optional<PlainSubscription> open(RedisEndpoint endpoint, String pattern, Listener listener) {
        return open(endpoint, pattern, listener, why -> { });
    }

    /** The same; {@code configRefused} hears why the server refused CONFIG GET, if it did. */
    public static Optional<PlainSubscription> open(RedisEndpoint endpoint, String pattern, Listener listener,
                                                   java.util.function.Consumer<String> configRefused) {
        RedisURI uri = endpoint.uri();
        if (!RespConnection.reaches(uri)) {
            return Optional.empty();
        }
        RespConnection c = null;
        try {
            c = RespConnection.open(uri, endpoint.tls());
            if (ServerMode.of(c) == ServerMode.CLUSTER) {
                c.close();
                return Optional.empty(); // one node's events are not the fleet's
            }
            List<?> config;
            try {
                config = (List<?>) c.call("CONFIG", "GET", "notify-keyspace-events");
            } catch (RespReader.ErrorReply r) {
                if (RedisAccessException.isDenial(r.getMessage())) {
                    configRefused.accept(r.getMessage());
                }
                throw r;
            }
            String flags = config.size() >= 2 ? String.valueOf(config.get(1)) : "";
            if (!NotificationConfig.satisfies(flags)) {
                c.close();
                return Optional.empty();
            }
            List<?> ack = (List<?>) c.call("PSUBSCRIBE", pattern);
            if (ack.isEmpty() || !"psubscribe".equals(ack.get(0))) {
                c.close();
                return Optional.empty();
            }
            c.waitIndefinitely();
            return Optional.of(new PlainSubscription(c, listener));
        } catch (IOException | RuntimeException e) {
            LOG.debug("no plain subscription: {}", e.toString());
            if (c != null) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            return Optional.empty();
        }
    }

    private void deliver(Listener listener) {
        try {
            while (true) {
                Object reply = connection.read();
                if (reply instanceof List<?> m && m.size() == 4 && "pmessage".equals(m.get(0))) {
                    listener.message(String.valueOf(m.get(1)), String.valueOf(m.get(2)), String.valueOf(m.get(3)));
                } else if (reply instanceof List<?> m && !m.isEmpty() && "pong".equals(m.get(0)) || "PONG".equals(reply)) {
                    drained.countDown();
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                broken = true;
                LOG.debug("plain subscription lost: {}", e.toString());
            }
        }
    }

    /**
     * Hands over to a subscription that is already confirmed: delivers every message Redis queued here before that
     * (a PING's reply comes after them), then closes. True when all of them were delivered and the connection
     * never broke, i.e. nothing published since this subscription was missed by the two together.
     */
    public boolean drainAndClose(java.time.Duration limit) {
        try {
            if (broken) {
                return false;
            }
            connection.write(List.of("PING"));
            connection.flush();
            return drained.await(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) && !broken;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            connection.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
