package com.mt5ops.console.model;

import java.util.Optional;

/**
 * The Redis key names of the Instance State Layer, and parsing that tells the `instance:state:*` index sets
 * apart from the `instance:{id}` hashes that share their prefix.
 */
public final class KeySchema {
    public static final String INSTANCE_PREFIX = "instance:";
    public static final String METRICS_PREFIX = "instance_metrics:";
    public static final String HEALTH_PREFIX = "instance_health:";
    public static final String STATE_SET_PREFIX = "instance:state:";
    public static final String SCAN_PATTERN = "instance*";
    public static final String AUDIT_STREAM = "console:audit";
    /** The shared broker names (broker id -> name), kept by operators; outside the fleet's `instance*` keys. */
    public static final String BROKER_NAMES = "console:broker_names";

    /** What a key is for: one of the three hashes of an id, or the index set of a state. */
    public enum Kind { INSTANCE, METRICS, HEALTH, STATE_SET }

    /** A key understood: its kind and the id (or, for a state set, the state name) it names. */
    public record ParsedKey(Kind kind, String name) {
    }

    private KeySchema() {
    }

    public static String instanceKey(String id) {
        return INSTANCE_PREFIX + id;
    }

    public static String metricsKey(String id) {
        return METRICS_PREFIX + id;
    }

    public static String healthKey(String id) {
        return HEALTH_PREFIX + id;
    }

    public static String stateSetKey(String state) {
        return STATE_SET_PREFIX + state;
    }

    /**
     * Parses a key; empty for keys that are not part of the schema (other `instance*` names, empty ids). A state set
     * may have an empty name (`instance:state:`): no state has it, so every id in it is misfiled and must be seen.
     */
    public static Optional<ParsedKey> parse(String key) {
        if (key.startsWith(STATE_SET_PREFIX)) {
            return Optional.of(new ParsedKey(Kind.STATE_SET, key.substring(STATE_SET_PREFIX.length())));
        }
        if (key.startsWith(INSTANCE_PREFIX)) {
            return named(Kind.INSTANCE, key.substring(INSTANCE_PREFIX.length()));
        }
        if (key.startsWith(METRICS_PREFIX)) {
            return named(Kind.METRICS, key.substring(METRICS_PREFIX.length()));
        }
        if (key.startsWith(HEALTH_PREFIX)) {
            return named(Kind.HEALTH, key.substring(HEALTH_PREFIX.length()));
        }
        return Optional.empty();
    }

    public static boolean isUuid(String id) {
        return Numbers.isUuid(id);
    }

    private static Optional<ParsedKey> named(Kind kind, String name) {
        return name.isEmpty() ? Optional.empty() : Optional.of(new ParsedKey(kind, name));
    }
}
