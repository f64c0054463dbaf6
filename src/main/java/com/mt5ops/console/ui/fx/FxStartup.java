package com.mt5ops.console.ui.fx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Starts JavaFX once, on its own thread, without its class-path warning and with one log line for an unexpected
 * error on the UI thread. The app starts it as early as the launcher knows a window will open (the toolkit is the
 * longest step before a window can be built, so it comes up while the command line, settings, the demo and the
 * Redis client are prepared); `bench` starts it for its headless window.
 */
public final class FxStartup {
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    // held in a field: java.util.logging keeps loggers weakly, and a collected one forgets its level
    private final java.util.logging.Logger javafxLog = java.util.logging.Logger.getLogger("javafx");

    /** Starts the toolkit (once; later calls return the same future). */
    public CompletableFuture<Void> start() {
        if (!started.compareAndSet(false, true)) {
            return ready;
        }
        Thread starter = new Thread(() -> {
            try {
                // Running from the class path is how the fat jar works; JavaFX's warning about it only alarms operators.
                javafxLog.setLevel(java.util.logging.Level.SEVERE);
                Platform.setImplicitExit(false);
                Platform.startup(() -> {
                    // the logger only now: setting up logging first would hold the toolkit back
                    org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FxStartup.class);
                    // JavaFX's own shutdown hook disposes the renderer while ours still closes the window; the events
                    // that race it are harmless then. Anything else is one log line, never a stack trace on a terminal.
                    Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
                        if (stopping.get()) {
                            log.debug("ignored while stopping: {}", e.toString());
                        } else {
                            log.error("unexpected error on the UI thread: {}", e.toString(), e);
                        }
                    });
                    ready.complete(null);
                });
            } catch (RuntimeException | Error e) {
                ready.completeExceptionally(e);
            }
        }, "fx-start");
        starter.setDaemon(true);
        starter.start();
        return ready;
    }

    /**
     * From now on, errors on the UI thread are expected (the window is closing under a signal). JavaFX's own shutdown
     * hook stops its renderer while the window may still pulse, and the glass loop prints what that rejects straight
     * to stderr, past any handler: stderr goes to the log file's debug level from here on, not to the terminal.
     */
    public void stopping() {
        if (stopping.compareAndSet(false, true)) {
            System.err.flush();
            System.setErr(new java.io.PrintStream(new LineLog(org.slf4j.LoggerFactory.getLogger(FxStartup.class)), true,
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Each line written becomes a debug line of the log. */
    private static final class LineLog extends java.io.OutputStream {
        private final org.slf4j.Logger log;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        LineLog(org.slf4j.Logger log) {
            this.log = log;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                log.debug("stderr while stopping: {}", line.toString(java.nio.charset.StandardCharsets.UTF_8));
                line.reset();
            } else if (line.size() < 4096) {
                line.write(b);
            }
        }
    }
}
