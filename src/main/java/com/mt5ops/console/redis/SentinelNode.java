package com.mt5ops.console.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One sentinel of a {@link MasterRoute}: a command connection to ask it which server is the master (SENTINEL MASTER,
 * with the configuration epoch that orders the answers of several sentinels) and, once someone follows the master, a
 * subscription to its {@code +switch-master} announcements. Both are opened on first use and again after a failure;
 * Lettuce reconnects and re-subscribes them on its own.
 */
final class SentinelNode implements AutoCloseable {
    static final String SWITCH_CHANNEL = "+switch-master";

    /** What one sentinel says: the master's address and the epoch of that configuration. */
    record Answer(MasterRoute.Master master, long epoch) {
    }

    private final RedisURI uri;
    private CompletableFuture<StatefulRedisSentinelConnection<String, String>> commands;
    private CompletableFuture<StatefulRedisPubSubConnection<String, String>> announcements;
    private boolean closed;

    /** {@code bound}: how long its connect and handshake may take (a frozen sentinel must not hold anyone up). */
    SentinelNode(RedisURI sentinel, Duration bound) {
        this.uri = RedisURI.builder(sentinel).withTimeout(bound).build();
    }

    String address() {
        return uri.getHost() + ":" + uri.getPort();
    }

    /** SENTINEL MASTER {@code name}: the address and config-epoch it has for the master; fails as Lettuce fails. */
    CompletableFuture<Answer> ask(RedisClient client, String name) {
        return commands(client).thenCompose(c -> c.async().master(name).toCompletableFuture()).thenApply(SentinelNode::answer);
    }

    private static Answer answer(Map<String, String> m) {
        long epoch = Long.parseLong(m.getOrDefault("config-epoch", "0"));
        return new Answer(new MasterRoute.Master(m.get("ip"), Integer.parseInt(m.get("port"))), epoch);
    }

    private synchronized CompletableFuture<StatefulRedisSentinelConnection<String, String>> commands(RedisClient client) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("closed"));
        }
        if (commands == null || commands.isCompletedExceptionally() || (commands.isDone() && !commands.join().isOpen())) {
            closeQuietly(commands); // a connection Lettuce is still reconnecting rejects commands meanwhile: start afresh
            commands = client.connectSentinelAsync(StringCodec.UTF8, uri);
        }
        return commands;
    }

    /**
     * Subscribes to {@code +switch-master} unless already subscribed (or subscribing); each announcement's text goes to
     * {@code heard}, and each (re)subscription to {@code subscribed} (announcements may have been missed meanwhile).
     * Runs on Lettuce's threads: both must return at once.
     */
    synchronized void follow(RedisClient client, Consumer<String> heard, Runnable subscribed) {
        if (closed || (announcements != null && !announcements.isCompletedExceptionally())) {
            return;
        }
        announcements = client.connectPubSubAsync(StringCodec.UTF8, uri).toCompletableFuture().thenApply(p -> {
            p.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    if (SWITCH_CHANNEL.equals(channel)) {
                        heard.accept(message);
                    }
                }

                @Override
                public void subscribed(String channel, long count) {
                    subscribed.run();
                }
            });
            p.async().subscribe(SWITCH_CHANNEL);
            return p;
        });
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(commands);
        closeQuietly(announcements);
    }

    private static void closeQuietly(CompletableFuture<? extends io.lettuce.core.api.StatefulConnection<?, ?>> c) {
        if (c != null) {
            c.thenAccept(io.lettuce.core.api.StatefulConnection::closeAsync).exceptionally(failed -> null);
        }
    }
}
