package com.mt5ops.console.sync;

import java.time.Duration;

/** Timings of the live mirror; the defaults follow architecture.md's reliability targets. */
public record MirrorConfig(Duration pollInterval, Duration reconcileInterval, Duration probeTimeout,
                           Duration setRefreshInterval, Duration retryInterval, int maxBatch, int historySeconds) {

    public static MirrorConfig defaults() {
        return new MirrorConfig(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofMillis(50), Duration.ofSeconds(1), 2_000, 600);
    }
}
