package com.mt5ops.console.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that creates the app's thread pools: named daemon threads that log what they drop. */
final class Executors implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Executors.class);
    private final ExecutorService io;

    Executors() {
        AtomicInteger n = new AtomicInteger();
        io = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "console-io-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught in {}", th.getName(), e));
            return t;
        });
    }

    ExecutorService io() {
        return io;
    }

    @Override
    public void close() {
        io.shutdownNow();
    }
}
