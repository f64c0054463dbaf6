package com.mt5ops.console.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The three hashes Redis holds for one instance, each named by its key prefix; readers fetch only those that changed. */
public enum HashPart {
    INSTANCE(KeySchema.INSTANCE_PREFIX), METRICS(KeySchema.METRICS_PREFIX), HEALTH(KeySchema.HEALTH_PREFIX);

    /** All three, read-only. */
    public static final Set<HashPart> ALL = Collections.unmodifiableSet(EnumSet.allOf(HashPart.class));

    private final String prefix;

    HashPart(String prefix) {
        this.prefix = prefix;
    }

    /** The key of this hash for {@code id}, e.g. {@code instance_metrics:{id}}. */
    public String key(String id) {
        return prefix + id;
    }

    /** The hash's name as its keys begin: {@code instance}, {@code instance_metrics}, {@code instance_health}. */
    public String hashName() {
        return prefix.substring(0, prefix.length() - 1);
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
