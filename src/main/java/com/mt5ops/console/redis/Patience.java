package com.mt5ops.console.redis;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a blocking caller waits for Redis: in slices, running {@code meanwhile} between them, so a thread that must
 * keep a heartbeat (the mirror's worker) notices a frozen server while a read hangs on it.
 */
public record Patience(long sliceMs, Runnable meanwhile) {
    /** Just waits. */
    public static final Patience PLAIN = new Patience(Long.MAX_VALUE, () -> { });

    /** Waits up to {@code timeoutMs} for {@code future}; the exceptions of {@link Future#get(long, TimeUnit)}. */
    public <T> T await(Future<T> future, long timeoutMs) throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                return future.get(Math.max(0, Math.min(left, sliceMs)), TimeUnit.MILLISECONDS);
            } catch (TimeoutException slice) {
                if (left <= sliceMs) {
                    throw slice;
                }
                meanwhile.run();
            }
        }
    }
}
