package com.mt5ops.console.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The three hashes of an instance, so a reader can fetch only the ones that changed. */
public enum HashPart {
    INSTANCE, METRICS, HEALTH;

    /** All three, read-only. */
    public static final Set<HashPart> ALL = Collections.unmodifiableSet(EnumSet.allOf(HashPart.class));

    /** This part's key for instance {@code id}. */
    public String key(String id) {
        return switch (this) {
            case INSTANCE -> KeySchema.instanceKey(id);
            case METRICS -> KeySchema.metricsKey(id);
            case HEALTH -> KeySchema.healthKey(id);
        };
    }

    /** The part a key of this kind holds; empty for a state set. */
    public static Optional<HashPart> of(KeySchema.Kind kind) {
        return switch (kind) {
            case INSTANCE -> Optional.of(INSTANCE);
            case METRICS -> Optional.of(METRICS);
            case HEALTH -> Optional.of(HEALTH);
            case STATE_SET -> Optional.empty();
        };
    }
}
