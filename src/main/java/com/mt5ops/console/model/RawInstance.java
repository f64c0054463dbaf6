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

    /** True when Redis holds nothing at all for this id any more. */
    public boolean isEmpty() {
        return instance == null && metrics == null && health == null && indexSets.isEmpty() && wrongTypeKeys.isEmpty();
    }
}
