package com.mt5ops.console.model;

/** The three hashes Redis holds for one instance, each named by its key prefix. */
public enum Part {
    INSTANCE(KeySchema.INSTANCE_PREFIX), METRICS(KeySchema.METRICS_PREFIX), HEALTH(KeySchema.HEALTH_PREFIX);

    private final String prefix;

    Part(String prefix) {
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
}
