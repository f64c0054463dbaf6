package com.mt5ops.console.redis;

import com.mt5ops.console.model.HashPart;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.KeySchema.ParsedKey;
import com.mt5ops.console.model.RawInstance;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Collects replies key by key and joins them into {@link RawInstance}s. Not thread-safe; one per load. */
final class FleetAssembler {
    private static final class Parts {
        Map<String, String> instance;
        Map<String, String> metrics;
        Map<String, String> health;
        final Map<String, String> wrongType = new HashMap<>();
    }

    private final Map<String, Parts> parts = new HashMap<>();
    private final Map<String, Set<String>> sets = new HashMap<>();
    private final Map<String, String> badSetKeys = new HashMap<>();

    /** Records a hash (empty: the key vanished, so it is absent). */
    void hash(ParsedKey key, Map<String, String> value) {
        if (value == null || value.isEmpty()) {
            parts.computeIfAbsent(key.name(), k -> new Parts());
            return;
        }
        Parts p = parts.computeIfAbsent(key.name(), k -> new Parts());
        switch (key.kind()) {
            case INSTANCE -> p.instance = value;
            case METRICS -> p.metrics = value;
            case HEALTH -> p.health = value;
            default -> throw new IllegalArgumentException(key.toString());
        }
    }

    void set(String state, Set<String> members) {
        if (members != null && !members.isEmpty()) {
            sets.put(state, members);
        }
    }

    void wrongType(String key, ParsedKey parsed, String type) {
        if ("none".equals(type)) {
            return;
        }
        if (parsed.kind() == KeySchema.Kind.STATE_SET) {
            badSetKeys.put(key, type);
        } else {
            parts.computeIfAbsent(parsed.name(), k -> new Parts()).wrongType.put(key, type);
        }
    }

    /** Carries over the hashes of {@code before} that are not being read again. */
    void keep(RawInstance before, Set<HashPart> reading) {
        Parts p = parts.computeIfAbsent(before.id(), k -> new Parts());
        for (HashPart part : HashPart.values()) {
            if (reading.contains(part)) {
                continue;
            }
            switch (part) {
                case INSTANCE -> p.instance = before.instance();
                case METRICS -> p.metrics = before.metrics();
                case HEALTH -> p.health = before.health();
            }
            carryWrongType(before, part.key(before.id()), p);
        }
    }

    private static void carryWrongType(RawInstance before, String key, Parts p) {
        String type = before.wrongTypeKeys().get(key);
        if (type != null) {
            p.wrongType.put(key, type);
        }
    }

    /** Almost every id is in exactly one set: immutable singletons then, no per-id HashSet to build and copy. */
    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.addAll(b);
        return Set.copyOf(both);
    }

    @SuppressWarnings("unchecked")
    /** Takes the reply of the bulk-read script (read-keys.lua) for {@code keys}. */
    void absorbScriptReply(List<String> keys, Object reply) {
        FleetAssembler assembler = this;
        List<Object> perKey = (List<Object>) reply;
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            ParsedKey parsed = KeySchema.parse(key).orElseThrow();
            List<Object> typed = (List<Object>) perKey.get(i);
            String type = String.valueOf(typed.get(0));
            List<Object> contents = (List<Object>) typed.get(1);
            boolean wantSet = parsed.kind() == KeySchema.Kind.STATE_SET;
            if (type.equals("none")) {
                if (!wantSet) {
                    assembler.hash(parsed, null);
                }
            } else if (wantSet && type.equals("set")) {
                Set<String> members = new HashSet<>(contents.size() * 2);
                contents.forEach(m -> members.add((String) m));
                assembler.set(parsed.name(), members);
            } else if (!wantSet && type.equals("hash")) {
                // Built immutable once: RawInstance's defensive copy is then free.
                @SuppressWarnings("rawtypes")
                Map.Entry[] entries = new Map.Entry[contents.size() / 2];
                for (int f = 0; f + 1 < contents.size(); f += 2) {
                    entries[f / 2] = Map.entry((String) contents.get(f), (String) contents.get(f + 1));
                }
                assembler.hash(parsed, Map.<String, String>ofEntries(entries));
            } else {
                assembler.wrongType(key, parsed, type);
            }
        }
    }

    /** Makes sure an id appears even when nothing is found for it (so a removal can be seen). */
    void touch(String id) {
        parts.computeIfAbsent(id, k -> new Parts());
    }

    /**
     * Joins what was read. With {@code knownSets} (the caller's cache, for a few ids) membership is looked up per
     * id, so a small batch costs the same whatever the fleet size; without, the sets read in this load are used.
     */
    Fleet build(Map<String, Set<String>> knownSets) {
        Map<String, Set<String>> allSets = knownSets == null ? sets : knownSets;
        Map<String, Set<String>> membership = new HashMap<>();
        if (knownSets == null) {
            allSets.forEach((state, ids) -> ids.forEach(id -> membership.merge(id, Set.of(state), FleetAssembler::union)));
            membership.keySet().forEach(this::touch);
        } else {
            for (String id : parts.keySet()) {
                allSets.forEach((state, ids) -> {
                    if (ids.contains(id)) {
                        membership.merge(id, Set.of(state), FleetAssembler::union);
                    }
                });
            }
        }
        TreeMap<String, RawInstance> out = new TreeMap<>();
        parts.forEach((id, p) -> {
            RawInstance raw = new RawInstance(id, p.instance, p.metrics, p.health, membership.getOrDefault(id, Set.of()), p.wrongType);
            if (knownSets != null || !raw.isEmpty()) {
                out.put(id, raw);
            }
        });
        return new Fleet(out, allSets, badSetKeys, Instant.now());
    }
}
