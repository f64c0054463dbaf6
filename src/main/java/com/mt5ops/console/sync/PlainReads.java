package com.mt5ops.console.sync;

import com.mt5ops.console.redis.Fleet;
import com.mt5ops.console.redis.OneShotFleetReader;
import com.mt5ops.console.redis.RedisEndpoint;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mirror's start-up reads over plain RESP (cold, the full client takes over a second to connect): one read
 * ahead of the subscription, on its own thread, for a first picture; then the first full sync, which the
 * subscription makes complete. Either may come back empty (Sentinel, scripts refused, Redis down): the mirror
 * then uses its client, which reports the reason.
 */
final class PlainReads {
    private static final Logger LOG = LoggerFactory.getLogger(PlainReads.class);

    private final RedisEndpoint endpoint;
    private final Thread ahead;
    private volatile Fleet early;

    PlainReads(RedisEndpoint endpoint, Runnable whenRead) {
        this.endpoint = endpoint;
        this.ahead = new Thread(() -> read().ifPresent(f -> {
            early = f;
            whenRead.run();
        }), "mirror-read-ahead");
        this.ahead.setDaemon(true);
    }

    void startReadAhead() {
        ahead.start();
    }

    /** The read-ahead's fleet, once (null before it is done, after it was taken, or when it failed). */
    Fleet takeEarly() {
        Fleet f = early;
        early = null;
        return f;
    }

    Optional<Fleet> read() {
        try {
            return OneShotFleetReader.read(endpoint);
        } catch (RuntimeException e) {
            LOG.debug("plain read skipped: {}", e.toString());
            return Optional.empty();
        }
    }
}
