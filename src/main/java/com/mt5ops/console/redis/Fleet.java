package com.mt5ops.console.redis;

import com.mt5ops.console.model.RawInstance;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The whole Instance State Layer read at one moment: every id (sorted), the contents of every
 * `instance:state:*` set, and state-set keys that exist with the wrong type (key to type).
 */
public record Fleet(SortedMap<String, RawInstance> instances, Map<String, Set<String>> stateSets,
                    Map<String, String> badStateSetKeys, Instant takenAt) {
}
