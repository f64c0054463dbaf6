package com.mt5ops.console.sync;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.model.RawInstance;
import com.mt5ops.console.redis.Fleet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the mirror holds: every instance (parsed), the cached state-set contents and the metric history, and
 * the diffing that turns what was read from Redis into {@link Change}s. Written by the mirror's worker only;
 * the instance map may be read from any thread.
 */
final class MirrorContent {
    private final InstanceParser parser;
    private final MetricHistory history;
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private Map<String, Set<String>> stateSets = new HashMap<>();

    MirrorContent(InstanceParser parser, MetricHistory history) {
        this.parser = parser;
        this.history = history;
    }

    /** A full read replaces everything: changed and new instances are upserts, missing ones are removed. */
    List<Change> replaceAll(Fleet fleet, Instant now) {
        List<Change> changes = upserts(fleet.instances().values(), now);
        for (String id : new ArrayList<>(instances.keySet())) {
            if (!fleet.instances().containsKey(id)) {
                remove(id, changes);
            }
        }
        stateSets = new HashMap<>(fleet.stateSets());
        return changes;
    }

    /** A partial read of some ids: ids Redis no longer has anything for are removed. */
    List<Change> merge(Fleet partial, Instant now) {
        List<Change> changes = new ArrayList<>();
        List<RawInstance> present = new ArrayList<>();
        for (RawInstance raw : partial.instances().values()) {
            if (raw.isEmpty()) {
                remove(raw.id(), changes);
            } else {
                present.add(raw);
            }
        }
        changes.addAll(upserts(present, now));
        return changes;
    }

    /** Takes fresh contents of some state sets; returns the ids whose membership changed. */
    Set<String> updateSets(List<String> names, Map<String, Set<String>> fresh) {
        Set<String> moved = new HashSet<>();
        for (String name : names) {
            Set<String> before = stateSets.getOrDefault(name, Set.of());
            Set<String> after = fresh.getOrDefault(name, Set.of());
            before.stream().filter(id -> !after.contains(id)).forEach(moved::add);
            after.stream().filter(id -> !before.contains(id)).forEach(moved::add);
            if (after.isEmpty()) {
                stateSets.remove(name);
            } else {
                stateSets.put(name, new HashSet<>(after));
            }
        }
        return moved;
    }

    private List<Change> upserts(Iterable<RawInstance> raws, Instant now) {
        List<RawInstance> changed = new ArrayList<>();
        for (RawInstance raw : raws) {
            Instance old = instances.get(raw.id());
            if (old == null || !old.raw().equals(raw)) {
                changed.add(raw);
            }
        }
        List<Change> changes = new ArrayList<>(changed.size());
        for (Instance parsed : parser.parseAll(changed, now)) {
            instances.put(parsed.id(), parsed);
            changes.add(Change.upsert(parsed));
        }
        return changes;
    }

    private void remove(String id, List<Change> changes) {
        if (instances.remove(id) != null) {
            history.remove(id);
            changes.add(Change.removed(id));
        }
    }

    Map<String, Set<String>> stateSets() {
        return stateSets;
    }

    RawInstance raw(String id) {
        Instance known = instances.get(id);
        return known == null ? null : known.raw();
    }

    Instance get(String id) {
        return instances.get(id);
    }

    java.util.Collection<Instance> all() {
        return instances.values();
    }

    SortedMap<String, Instance> sorted() {
        return new TreeMap<>(instances);
    }

    int size() {
        return instances.size();
    }
}
