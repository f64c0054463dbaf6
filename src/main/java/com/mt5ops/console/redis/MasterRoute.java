package com.mt5ops.console.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a connector's connections go. A plain endpoint is its own route. Behind Sentinel it is the master the sentinels
 * name now: every sentinel is asked and the newest configuration (highest config-epoch) wins, and a
 * {@code +switch-master} announcement moves it at once. Each connection is opened to that address directly, so the
 * console knows which server a connection reaches, and those who {@link #follow} are told when the master moves (a
 * demoted master keeps its clients, and stays writable, until Sentinel reconfigures it seconds later).
 */
public final class MasterRoute implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MasterRoute.class);
    /** How long asking the sentinels may take: a frozen sentinel must not hold a connect or a write up for long. */
    static final Duration ASK_BOUND = Duration.ofSeconds(1);

    /** A server address as the sentinels give it. */
    public record Master(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** What to connect to: the URI, and behind Sentinel the master it reaches (null for a plain endpoint). */
    public record Target(RedisURI uri, Master master) {
    }

    /** Stops following; never throws. */
    public interface Following extends AutoCloseable {
        @Override
        void close();
    }

    private final RedisEndpoint endpoint;
    private final Supplier<RedisClient> client;
    private final String name;
    private final List<SentinelNode> nodes = new ArrayList<>();
    private final List<Consumer<Master>> followers = new CopyOnWriteArrayList<>();
    private Master current;
    private long epoch = -1;

    /** {@code client}: the Lettuce client to reach the sentinels with, asked for on first use. */
    public MasterRoute(RedisEndpoint endpoint, Supplier<RedisClient> client) {
        this.endpoint = endpoint;
        this.client = client;
        this.name = endpoint.uri().getSentinelMasterId();
        List<RedisURI> sentinels = endpoint.uri().getSentinels();
        if (name != null && sentinels != null) {
            sentinels.forEach(s -> nodes.add(new SentinelNode(s, ASK_BOUND)));
        }
    }

    /** True behind Sentinel. */
    public boolean sentinel() {
        return !nodes.isEmpty();
    }

    /** The master as last learned (null before the first answer, and for a plain endpoint). */
    public synchronized Master current() {
        return current;
    }

    /**
     * Where to connect now; behind Sentinel the master the sentinels name (asked now, at most {@link #ASK_BOUND}; the
     * last one known if none answers), reached directly with the endpoint's credentials, database and TLS settings,
     * its connect and handshake bounded by {@code bound}.
     */
    public Target target(Duration bound) {
        if (!sentinel()) {
            return new Target(endpoint.uri(), null);
        }
        Master m = ask().join();
        Duration timeout = endpoint.uri().getTimeout().compareTo(bound) < 0 ? endpoint.uri().getTimeout() : bound;
        return new Target(RedisURI.builder(endpoint.uri()).withHost(m.host()).withPort(m.port()).withTimeout(timeout).build(), m);
    }

    /**
     * Asks every sentinel which server is the master of ours, for at most {@link #ASK_BOUND}; the answer with the newest
     * configuration wins. Fails (RedisConnectionException) only when none answers and no master is known yet.
     */
    public CompletableFuture<Master> ask() {
        RedisClient c = client.get();
        if (!followers.isEmpty()) {
            nodes.forEach(n -> n.follow(c, this::announced, this::askQuietly));
        }
        List<String> failures = new CopyOnWriteArrayList<>();
        List<CompletableFuture<SentinelNode.Answer>> answers = nodes.stream().map(n -> n.ask(c, name)
                .exceptionally(e -> {
                    failures.add(n.address() + ": " + rootMessage(e));
                    return null;
                })
                .completeOnTimeout(null, ASK_BOUND.toMillis(), TimeUnit.MILLISECONDS)).toList();
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Optional<SentinelNode.Answer> newest = answers.stream().map(CompletableFuture::join).filter(a -> a != null)
                    .max(java.util.Comparator.comparingLong(SentinelNode.Answer::epoch));
            newest.ifPresent(a -> learn(a.master(), a.epoch()));
            Master known = current();
            if (known == null) {
                throw new RedisConnectionException("no sentinel named the master '" + name + "'"
                        + (failures.isEmpty() ? " in time" : " (" + String.join("; ", failures) + ")"));
            }
            return known;
        });
    }

    private void askQuietly() {
        ask().exceptionally(e -> null);
    }

    /** Calls {@code onSwitch} (on Lettuce's threads: it must return at once) each time the master moves, until closed. */
    public Following follow(Consumer<Master> onSwitch) {
        if (!sentinel()) {
            return () -> { };
        }
        followers.add(onSwitch);
        RedisClient c = client.get();
        nodes.forEach(n -> n.follow(c, this::announced, this::askQuietly));
        return () -> followers.remove(onSwitch);
    }

    /** A sentinel's {@code +switch-master}: "name old-ip old-port new-ip new-port". */
    private void announced(String message) {
        String[] w = message.split(" ");
        if (w.length < 5 || !w[0].equals(name)) {
            return;
        }
        try {
            learn(new Master(w[3], Integer.parseInt(w[4])), Long.MIN_VALUE);
        } catch (NumberFormatException malformed) {
            LOG.warn("ignoring a malformed +switch-master announcement: {}", message);
        }
    }

    /**
     * Takes a master from an answer of {@code epoch}, or from an announcement (Long.MIN_VALUE): a failover raises the
     * epoch by at least one, so an announcement is at least one newer than what was known, and a slower sentinel's
     * older answer cannot move the route back. Followers hear of every move.
     */
    private void learn(Master m, long answerEpoch) {
        Master before;
        synchronized (this) {
            before = current;
            if (answerEpoch == Long.MIN_VALUE) {
                if (m.equals(current)) {
                    return;
                }
                epoch++;
            } else if (answerEpoch > epoch || current == null) {
                epoch = answerEpoch;
            } else {
                return;
            }
            current = m;
        }
        if (before != null && !before.equals(m)) {
            LOG.info("Sentinel moved the master of {} from {} to {}", name, before, m);
            followers.forEach(f -> f.accept(m));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().lines().findFirst().orElse("");
    }

    @Override
    public void close() {
        followers.clear();
        nodes.forEach(SentinelNode::close);
    }
}
