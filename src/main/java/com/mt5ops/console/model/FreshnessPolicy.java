package com.mt5ops.console.model;

import java.time.Duration;
import java.time.Instant;

/**
 * Thresholds that turn the age of an instance's newest update into a {@link Freshness}, plus the tolerance
 * beyond which a timestamp in the future counts as clock skew.
 */
public record FreshnessPolicy(Duration aging, Duration stale, Duration lost, Duration skewTolerance) {

    public static FreshnessPolicy defaults() {
        return new FreshnessPolicy(Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofMinutes(5),
                Duration.ofSeconds(30));
    }

    /** Freshness of data last updated at {@code lastUpdate} (null: never, which reads as LOST). */
    public Freshness classify(Instant lastUpdate, Instant now) {
        if (lastUpdate == null) {
            return Freshness.LOST;
        }
        Duration age = Duration.between(lastUpdate, now);
        if (age.compareTo(aging) < 0) {
            return Freshness.FRESH;
        }
        if (age.compareTo(stale) < 0) {
            return Freshness.AGING;
        }
        return age.compareTo(lost) < 0 ? Freshness.STALE : Freshness.LOST;
    }

    public boolean isSkewed(Instant timestamp, Instant now) {
        return timestamp != null && Duration.between(now, timestamp).compareTo(skewTolerance) > 0;
    }
}
