package com.mt5ops.console.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a {@link RawInstance} into an {@link Instance}: parses every field and finds every problem of the
 * contract (field values, clock skew, id, key types, missing parts, orphans and index drift). Never throws.
 */
public final class InstanceParser {
    private final FreshnessPolicy policy;

    public InstanceParser(FreshnessPolicy policy) {
        this.policy = policy;
    }

    /** Parses many at once, on all cores: a full sync of a large fleet. Order follows {@code raws}. */
    public List<Instance> parseAll(List<RawInstance> raws, Instant now) {
        return raws.size() < 512 ? raws.stream().map(r -> parse(r, now)).toList()
                : raws.parallelStream().map(r -> parse(r, now)).toList();
    }

    public Instance parse(RawInstance raw, Instant now) {
        String id = raw.id();
        List<Problem> problems = new ArrayList<>();
        if (!KeySchema.isUuid(id)) {
            problems.add(new Problem(ProblemCode.ID_NOT_UUID, id, anyKey(raw), null, "id is not a UUID: " + FieldReader.quote(id)));
        }
        raw.wrongTypeKeys().forEach((key, type) -> problems.add(new Problem(ProblemCode.KEY_WRONG_TYPE, id, key, null,
                "expected " + (key.startsWith(KeySchema.STATE_SET_PREFIX) ? "set" : "hash") + ", found " + type)));

        StateHash state = raw.instance() == null ? null : parseState(raw.instance(), id, now, problems);
        MetricsHash metrics = raw.metrics() == null ? null : parseMetrics(raw.metrics(), id, now, problems);
        HealthHash health = raw.health() == null ? null : parseHealth(raw.health(), id, now, problems);
        checkParts(raw, problems);
        checkIndex(raw, problems);
        return new Instance(id, raw, state, metrics, health, problems);
    }

    private StateHash parseState(Map<String, String> hash, String id, Instant now, List<Problem> problems) {
        String key = KeySchema.instanceKey(id);
        FieldReader r = new FieldReader(hash, id, key);
        StateHash parsed = new StateHash(
                r.uuid(Fields.BROKER_ID),
                r.choice(Fields.STATE, InstanceState::fromWire, "running, stopped, crashed or restarting"),
                r.choice(Fields.LAUNCH_MODE, LaunchMode::fromWire, "auto or manual"),
                r.count(Fields.ACTIVE_CONNECTIONS, false),
                r.time(Fields.LAST_UPDATED_AT));
        problems.addAll(r.problems());
        checkSkew(parsed.lastUpdatedAt(), id, key, now, problems);
        return parsed;
    }

    private MetricsHash parseMetrics(Map<String, String> hash, String id, Instant now, List<Problem> problems) {
        String key = KeySchema.metricsKey(id);
        FieldReader r = new FieldReader(hash, id, key);
        MetricsHash parsed = new MetricsHash(
                r.usage(Fields.CPU_USAGE, 100),
                r.usage(Fields.MEMORY_USAGE, Double.MAX_VALUE),
                r.usage(Fields.NETWORK_USAGE, Double.MAX_VALUE),
                r.usage(Fields.DISK_USAGE, Double.MAX_VALUE),
                r.time(Fields.LAST_UPDATED_AT));
        problems.addAll(r.problems());
        checkSkew(parsed.lastUpdatedAt(), id, key, now, problems);
        return parsed;
    }

    private HealthHash parseHealth(Map<String, String> hash, String id, Instant now, List<Problem> problems) {
        String key = KeySchema.healthKey(id);
        FieldReader r = new FieldReader(hash, id, key);
        HealthHash parsed = new HealthHash(
                r.count(Fields.UPTIME_SECONDS, true),
                r.count(Fields.RESTART_COUNT, false),
                r.choice(Fields.HEALTH_STATUS, HealthStatus::fromWire, "healthy, warning or critical"),
                r.text(Fields.LAST_ERROR),
                r.time(Fields.LAST_UPDATED_AT));
        problems.addAll(r.problems());
        checkSkew(parsed.lastUpdatedAt(), id, key, now, problems);
        return parsed;
    }

    private void checkSkew(Instant t, String id, String key, Instant now, List<Problem> problems) {
        if (policy.isSkewed(t, now)) {
            problems.add(new Problem(ProblemCode.CLOCK_SKEW, id, key, Fields.LAST_UPDATED_AT,
                    "in the future: " + t + " (now " + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")"));
        }
    }

    private static void checkParts(RawInstance raw, List<Problem> problems) {
        String id = raw.id();
        if (raw.instance() != null) {
            if (raw.metrics() == null && !raw.wrongTypeKeys().containsKey(KeySchema.metricsKey(id))) {
                problems.add(new Problem(ProblemCode.PART_MISSING, id, KeySchema.metricsKey(id), null, "instance has no metrics hash"));
            }
            if (raw.health() == null && !raw.wrongTypeKeys().containsKey(KeySchema.healthKey(id))) {
                problems.add(new Problem(ProblemCode.PART_MISSING, id, KeySchema.healthKey(id), null, "instance has no health hash"));
            }
        } else if (!raw.wrongTypeKeys().containsKey(KeySchema.instanceKey(id))) {
            if (raw.metrics() != null) {
                problems.add(new Problem(ProblemCode.ORPHAN, id, KeySchema.metricsKey(id), null, "metrics hash without instance hash"));
            }
            if (raw.health() != null) {
                problems.add(new Problem(ProblemCode.ORPHAN, id, KeySchema.healthKey(id), null, "health hash without instance hash"));
            }
        }
    }

    private static void checkIndex(RawInstance raw, List<Problem> problems) {
        String id = raw.id();
        TreeSet<String> sets = new TreeSet<>(raw.indexSets());
        if (raw.instance() == null) {
            for (String s : sets) {
                problems.add(new Problem(ProblemCode.INDEX_DANGLING, id, KeySchema.stateSetKey(s), null,
                        "listed in '" + s + "' but there is no instance hash"));
            }
            return;
        }
        String state = raw.instance().get(Fields.STATE);
        if (state == null || InstanceState.fromWire(state).isEmpty()) {
            return; // the state field itself is the problem; there is no valid index to compare with
        }
        if (!sets.contains(state)) {
            problems.add(new Problem(ProblemCode.INDEX_MISSING, id, KeySchema.stateSetKey(state), null,
                    "state is '" + state + "' but the id is not in " + KeySchema.stateSetKey(state)));
        }
        for (String s : sets) {
            if (!s.equals(state)) {
                problems.add(new Problem(ProblemCode.INDEX_EXTRA, id, KeySchema.stateSetKey(s), null,
                        "listed in '" + s + "' but the state is '" + state + "'"));
            }
        }
    }

    private static String anyKey(RawInstance raw) {
        String id = raw.id();
        if (raw.instance() != null) {
            return KeySchema.instanceKey(id);
        }
        if (raw.metrics() != null) {
            return KeySchema.metricsKey(id);
        }
        if (raw.health() != null) {
            return KeySchema.healthKey(id);
        }
        if (!raw.wrongTypeKeys().isEmpty()) {
            return raw.wrongTypeKeys().keySet().iterator().next();
        }
        return raw.indexSets().isEmpty() ? null : KeySchema.stateSetKey(raw.indexSets().iterator().next());
    }
}
