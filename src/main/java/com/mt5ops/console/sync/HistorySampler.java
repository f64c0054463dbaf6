package com.mt5ops.console.sync;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples every instance's CPU and memory into the history once a second, on its own thread so fetching never waits.
 * A failed round is logged and the next second tries again: one bad round must not end the history for good.
 */
final class HistorySampler {
    private static final Logger LOG = LoggerFactory.getLogger(HistorySampler.class);

    private final Thread thread;
    private volatile boolean running = true;

    HistorySampler(MetricHistory history, MirrorContent content, Clock clock) {
        this.thread = new Thread(() -> {
            String lastFailure = null;
            while (running) {
                long second = clock.instant().getEpochSecond();
                try {
                    history.sample(content.all(), second);
                    lastFailure = null;
                } catch (Throwable t) { // NOPMD: the thread must outlive any one round, Errors included
                    if (!String.valueOf(t).equals(lastFailure)) {
                        LOG.error("history sampling failed; trying again each second", t);
                    }
                    lastFailure = String.valueOf(t);
                }
                long next = (second + 1) * 1000 - clock.millis();
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(Math.max(10, next)));
            }
        }, "mirror-history");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
        LockSupport.unpark(thread);
    }
}
