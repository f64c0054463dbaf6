package com.mt5ops.console.model;

import java.time.Instant;
import java.util.List;

/**
 * One MT5 instance as the console understands it: the raw data, each hash parsed (null where the hash is
 * absent) and every problem found. Immutable, so it can cross threads.
 */
public record Instance(String id, RawInstance raw, StateHash state, MetricsHash metrics, HealthHash health,
                       List<Problem> problems) {

    public Instance {
        problems = List.copyOf(problems);
    }

    /** The newest valid `last_updated_at` of the three hashes: the last sign of life. */
    public Instant lastSeen() {
        Instant newest = state == null ? null : state.lastUpdatedAt();
        newest = later(newest, metrics == null ? null : metrics.lastUpdatedAt());
        return later(newest, health == null ? null : health.lastUpdatedAt());
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /**
     * Freshness from the newest timestamp that is not in the future beyond the skew tolerance: a writer with a
     * wrong clock must not make an instance look live forever (the skew itself is a CLOCK_SKEW problem).
     */
    public Freshness freshness(FreshnessPolicy policy, Instant now) {
        return policy.classify(lastTrusted(policy, now), now);
    }

    /** The newest timestamp that is not beyond the skew tolerance in the future (null: none). */
    public Instant lastTrusted(FreshnessPolicy policy, Instant now) {
        Instant newest = null;
        for (Instant t : new Instant[] {state == null ? null : state.lastUpdatedAt(),
            metrics == null ? null : metrics.lastUpdatedAt(), health == null ? null : health.lastUpdatedAt()}) {
            if (t != null && !policy.isSkewed(t, now)) {
                newest = later(newest, t);
            }
        }
        return newest;
    }

    public InstanceState stateOrNull() {
        return state == null ? null : state.state();
    }

    public HealthStatus healthOrNull() {
        return health == null ? null : health.healthStatus();
    }

    public String brokerOrNull() {
        return state == null ? null : state.brokerId();
    }

    /** One field's text exactly as stored (also when it is invalid), or null where it or its hash is absent. */
    public String rawField(HashPart part, String field) {
        return raw.field(part, field);
    }

    /** The `state` field as written, known or not. */
    public String rawState() {
        return rawField(HashPart.INSTANCE, Fields.STATE);
    }

    /** The `broker_id` field as written, also when it is not a valid UUID. */
    public String rawBrokerId() {
        return rawField(HashPart.INSTANCE, Fields.BROKER_ID);
    }

    /** The `health_status` field as written, known or not. */
    public String rawHealthStatus() {
        return rawField(HashPart.HEALTH, Fields.HEALTH_STATUS);
    }

    /** The `last_error` text as written; null when absent (it may be empty). */
    public String lastError() {
        return rawField(HashPart.HEALTH, Fields.LAST_ERROR);
    }

    public Double cpuOrNull() {
        return metrics == null ? null : metrics.cpuUsage();
    }

    public Double memoryOrNull() {
        return metrics == null ? null : metrics.memoryUsage();
    }

    public Long restartsOrNull() {
        return health == null ? null : health.restartCount();
    }

    public Long uptimeOrNull() {
        return health == null ? null : health.uptimeSeconds();
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
