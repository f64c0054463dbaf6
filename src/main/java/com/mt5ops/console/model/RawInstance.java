package com.mt5ops.console.model;

import java.util.Map;
import java.util.Set;

/**
 * Everything Redis holds about one id, exactly as stored: each hash (null where the key is absent), the
 * `instance:state:*` sets that contain the id, and any of its keys that exist with the wrong type (key to type).
 */
public record RawInstance(String id, Map<String, String> instance, Map<String, String> metrics,
                          Map<String, String> health, Set<String> indexSets, Map<String, String> wrongTypeKeys) {

    public RawInstance {
        instance = instance == null ? null : Map.copyOf(instance);
        metrics = metrics == null ? null : Map.copyOf(metrics);
        health = health == null ? null : Map.copyOf(health);
        indexSets = Set.copyOf(indexSets);
        wrongTypeKeys = Map.copyOf(wrongTypeKeys);
    }

    /** The hash of {@code part} exactly as stored, or null where its key is absent. */
    public Map<String, String> hash(HashPart part) {
        return switch (part) {
            case INSTANCE -> instance;
            case METRICS -> metrics;
            case HEALTH -> health;
        };
    }

    /** One field's raw text, or null where the field or its whole hash is absent. */
    public String field(HashPart part, String field) {
        Map<String, String> hash = hash(part);
        return hash == null ? null : hash.get(field);
    }

    /** True when Redis holds nothing at all for this id any more. */
    public boolean isEmpty() {
        return instance == null && metrics == null && health == null && indexSets.isEmpty() && wrongTypeKeys.isEmpty();
    }
}
