package com.mt5ops.console.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ends a long-running command cleanly on Ctrl+C or SIGTERM: asks it to stop, lets it finish and print what it has,
 * then ends the JVM with the command's own exit code (the launcher's System.exit cannot run once shutdown began).
 */
final class SignalStop implements AutoCloseable {
    private static final long FINISH_WITHIN_MS = 5_000;

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile int code;

    /** {@code stop} runs on the signal, on the shutdown hook's thread: it must only ask the command to end. */
    SignalStop(String name, Runnable stop) {
        this.hook = new Thread(() -> {
            stop.run();
            try {
                if (finished.await(FINISH_WITHIN_MS, TimeUnit.MILLISECONDS)) {
                    Runtime.getRuntime().halt(code);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The command has printed everything; {@code exitCode} is what a signal-ended run exits with. */
    int finished(int exitCode) {
        code = exitCode;
        finished.countDown();
        return exitCode;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it ends the JVM once finished() is called
        }
    }
}
