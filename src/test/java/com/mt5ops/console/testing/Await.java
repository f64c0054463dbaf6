package com.mt5ops.console.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polling for a condition: tests wait on what they expect to see, never on fixed sleeps. */
public final class Await {
    private Await() {
    }

    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> whyNot) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
            if (Thread.interrupted()) {
                fail("interrupted");
            }
        }
        if (!condition.getAsBoolean()) {
            fail("not within " + timeout.toMillis() + " ms: " + whyNot.get());
        }
    }

    /** The condition stays true for the whole {@code period} (checked every 20 ms). */
    public static void holds(Duration period, BooleanSupplier condition, Supplier<String> whyNot) {
        long end = System.nanoTime() + period.toNanos();
        do {
            if (!condition.getAsBoolean()) {
                fail("stopped holding: " + whyNot.get());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        } while (System.nanoTime() < end);
    }
}
