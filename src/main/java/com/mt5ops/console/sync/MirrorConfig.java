package com.mt5ops.console.sync;

import java.time.Duration;

/**
 * Timings of the live mirror; the defaults follow architecture.md's reliability targets: a stalled server shown
 * within 3 s (a PING every second, late after 2 s), polling every 2 s when events cannot be had, a reconciliation
 * every 30 s, a broken mirror restarted after 1 s, 2 s, 4 s … at most 30 s.
 */
public record MirrorConfig(Duration pollInterval, Duration reconcileInterval, Duration probeTimeout,
                           Duration setRefreshInterval, Duration retryInterval, int maxBatch, int historySeconds,
                           Duration pingInterval, Duration stallAfter, Duration notificationsRecheck,
                           Duration restartBackoffMax) {

    public static MirrorConfig defaults() {
        return new MirrorConfig(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofMillis(50), Duration.ofSeconds(1), 2_000, 600,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
}
