package com.mt5ops.console.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** When the mirror's live client may connect: once {@code when} is done, or {@code atMost} after the wait began. */
record ClientGate(Future<?> when, Duration atMost) {
    private static final long SLICE_MS = 20;

    static ClientGate open() {
        return new ClientGate(CompletableFuture.completedFuture(null), Duration.ZERO);
    }

    /**
     * Waits for the gate while {@code stillWaiting} holds, running {@code meanwhile} first and then every 20 ms (on the
     * waiting thread: the mirror keeps serving its listeners). The limit is measured on {@code clock}.
     */
    void await(Clock clock, BooleanSupplier stillWaiting, Runnable meanwhile) {
        long deadline = clock.millis() + atMost.toMillis();
        while (!when.isDone() && clock.millis() < deadline) {
            meanwhile.run();
            if (!stillWaiting.getAsBoolean()) {
                return;
            }
            try {
                when.get(SLICE_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException | CancellationException e) {
                // not yet (or never): the limit decides
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
