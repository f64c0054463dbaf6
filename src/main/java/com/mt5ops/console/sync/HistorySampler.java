package com.mt5ops.console.sync;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Samples every instance's CPU and memory into the history once a second, on its own thread so fetching never waits. */
final class HistorySampler {
    private final Thread thread;
    private volatile boolean running = true;

    HistorySampler(MetricHistory history, MirrorContent content, Clock clock) {
        this.thread = new Thread(() -> {
            while (running) {
                long second = clock.instant().getEpochSecond();
                history.sample(content.all(), second);
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
