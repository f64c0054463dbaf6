package com.mt5ops.console.sync;

/** The restart delay after a failure, pure: 1 s, 2 s, 4 s … up to a cap, from 1 s again after a calm minute. */
final class Backoff {
    private static final long FIRST = 1_000;
    private static final long CALM = 60_000;
    private final long max;
    private int failures;
    private long last = Long.MIN_VALUE;

    Backoff(long maxMs) {
        this.max = maxMs;
    }

    /** A failure at {@code now}: how long to wait before trying again (ms). */
    long next(long now) {
        failures = last != Long.MIN_VALUE && now - last < CALM ? failures + 1 : 1;
        last = now;
        return Math.min(max, FIRST << Math.min(failures - 1, 20));
    }
}
