package com.mt5ops.console.sim;

import com.mt5ops.console.redis.KeyConnection;
import com.mt5ops.console.redis.MasterRoute;
import com.mt5ops.console.redis.RedisAccessException;
import com.mt5ops.console.redis.RedisConnector;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's pipelined connection, kept on the master. Behind Sentinel it moves as soon as the master switches
 * (a demoted master stays writable for seconds and would swallow the updates); after a failed round (the connection
 * dropped, a replica refusing writes) it opens a new one through the connector. A round that failed is dropped, not
 * re-sent: the next rounds write newer values anyway. When Redis stays unusable for {@value #GIVE_UP_MS} ms it gives
 * up with a {@link RedisAccessException} (one line, exit 5), never a raw CompletionException. On a Redis Cluster it
 * is a cluster connection: each key's write goes to its slot's master.
 */
final class SimLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimLink.class);
    static final long GIVE_UP_MS = 10_000;
    private static final long RETRY_MS = 200;

    private final RedisConnector connector;
    private final MasterRoute.Following following;
    private volatile boolean moved;
    private KeyConnection connection;
    private SimWrites writes;
    private long failingSince = -1;
    private volatile java.util.function.Consumer<String> news = text -> { };

    SimLink(RedisConnector connector) {
        this.connector = connector;
        open();
        this.following = connector.route().follow(m -> {
            moved = true;
            LOG.warn("Sentinel moved the master to {}; simulating there", m);
        });
    }

    private void open() {
        connection = connector.open();
        connection.autoFlush(false);
        writes = new SimWrites(connection.async(), connection::flush, connection.cluster());
    }

    /** Hears (on the simulator's thread) when writing starts failing and when it works again. */
    void onNews(java.util.function.Consumer<String> listener) {
        news = listener;
    }

    /** The writes of the current connection (a new one after each reopen). */
    SimWrites writes() {
        return writes;
    }

    /** Sends this round's writes and waits for them; false when the round was lost (a new connection is open then). */
    boolean flush() {
        try {
            connection.flush();
            writes.await();
        } catch (RuntimeException e) {
            reopen(e);
            return false;
        }
        if (failingSince >= 0) {
            news.accept("writing again");
        }
        failingSince = -1;
        if (moved) {
            reopen(null);
        }
        return true;
    }

    /** A read through the current connection; {@code null} when it failed (a new connection is open then). */
    <T> T read(Function<SimWrites, T> read) {
        try {
            return read.apply(writes);
        } catch (RuntimeException e) {
            reopen(e);
            return null;
        }
    }

    private void reopen(RuntimeException cause) {
        moved = false;
        long now = System.nanoTime();
        if (cause != null) {
            if (failingSince < 0) {
                Throwable root = cause.getCause() != null ? cause.getCause() : cause;
                news.accept("cannot write (" + String.valueOf(root.getMessage()).lines().findFirst().orElse("") + "); retrying");
            }
            failingSince = failingSince < 0 ? now : failingSince;
            LOG.warn("simulated writes to {} failed ({}); reconnecting", connector.endpoint().display(), cause.getMessage());
        }
        connection.close(); // what it still holds is dropped, never re-sent
        RuntimeException last = cause;
        while (true) {
            if (failingSince >= 0 && now - failingSince > TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MS)) {
                throw RedisAccessException.from(connector.endpoint().display(), last);
            }
            try {
                open();
                return;
            } catch (RuntimeException e) {
                last = e;
                failingSince = failingSince < 0 ? now : failingSince;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_MS));
            now = System.nanoTime();
        }
    }

    @Override
    public void close() {
        following.close();
        connection.close();
    }
}
