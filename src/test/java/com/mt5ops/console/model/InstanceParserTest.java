package com.mt5ops.console.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.Fixtures;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InstanceParserTest {
    private static final String ID = "550e8400-e29b-41d4-a716-446655440000";
    private final InstanceParser parser = new InstanceParser(FreshnessPolicy.defaults());

    private static RawInstance complete(String hash, String field, String value) {
        Map<String, String> s = new HashMap<>(Fixtures.stateHash("running"));
        Map<String, String> m = new HashMap<>(Fixtures.metricsHash());
        Map<String, String> h = new HashMap<>(Fixtures.healthHash());
        Map<String, String> target = switch (hash) {
            case "instance" -> s;
            case "metrics" -> m;
            default -> h;
        };
        if (value == null) {
            target.remove(field);
        } else {
            target.put(field, value);
        }
        return new RawInstance(ID, s, m, h, Set.of("running"), Map.of());
    }

    @Test
    void wellFormedInstanceHasNoProblemsAndTypedFields() {
        Instance i = parser.parse(complete("instance", "state", "running"), Instant.now());
        assertEquals(List.of(), i.problems());
        assertEquals(InstanceState.RUNNING, i.state().state());
        assertEquals(45.5, i.metrics().cpuUsage());
        assertEquals(2L, i.health().restartCount());
        assertEquals(Freshness.FRESH, i.freshness(FreshnessPolicy.defaults(), Instant.now()));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("instance", "broker_id", "not-a-uuid", ProblemCode.FIELD_INVALID),
                Arguments.of("instance", "broker_id", null, ProblemCode.FIELD_MISSING),
                Arguments.of("instance", "broker_id", "", ProblemCode.FIELD_MISSING),
                Arguments.of("instance", "state", "RUNNING", ProblemCode.FIELD_INVALID),
                Arguments.of("instance", "state", "paused", ProblemCode.FIELD_INVALID),
                Arguments.of("instance", "state", null, ProblemCode.FIELD_MISSING),
                Arguments.of("instance", "launch_mode", "automatic", ProblemCode.FIELD_INVALID),
                Arguments.of("instance", "active_connections", "4.5", ProblemCode.FIELD_INVALID),
                Arguments.of("instance", "active_connections", "-1", ProblemCode.FIELD_INVALID),
                Arguments.of("instance", "active_connections", "four", ProblemCode.FIELD_INVALID),
                Arguments.of("instance", "active_connections", "99999999999999999999", ProblemCode.FIELD_INVALID),
                Arguments.of("instance", "last_updated_at", "yesterday", ProblemCode.FIELD_INVALID),
                Arguments.of("instance", "last_updated_at", "1711102530", ProblemCode.FIELD_INVALID),
                Arguments.of("instance", "last_updated_at", null, ProblemCode.FIELD_MISSING),
                Arguments.of("instance", "last_updated_at", "2999-01-01T00:00:00Z", ProblemCode.CLOCK_SKEW),
                Arguments.of("metrics", "cpu_usage", "abc", ProblemCode.FIELD_INVALID),
                Arguments.of("metrics", "cpu_usage", "-5", ProblemCode.FIELD_INVALID),
                Arguments.of("metrics", "cpu_usage", "NaN", ProblemCode.FIELD_INVALID),
                Arguments.of("metrics", "cpu_usage", "Infinity", ProblemCode.FIELD_INVALID),
                Arguments.of("metrics", "cpu_usage", "1e999", ProblemCode.FIELD_INVALID),
                Arguments.of("metrics", "cpu_usage", "150", ProblemCode.FIELD_INVALID),
                Arguments.of("metrics", "cpu_usage", " 45", ProblemCode.FIELD_INVALID),
                Arguments.of("metrics", "cpu_usage", "0x10", ProblemCode.FIELD_INVALID),
                Arguments.of("metrics", "memory_usage", "-0.5", ProblemCode.FIELD_INVALID),
                Arguments.of("metrics", "memory_usage", null, ProblemCode.FIELD_MISSING),
                Arguments.of("metrics", "network_usage", "", ProblemCode.FIELD_MISSING),
                Arguments.of("metrics", "disk_usage", "12 MB", ProblemCode.FIELD_INVALID),
                Arguments.of("metrics", "last_updated_at", "2025-13-45T99:00:00Z", ProblemCode.FIELD_INVALID),
                Arguments.of("health", "uptime_seconds", "3600.5", ProblemCode.FIELD_INVALID),
                Arguments.of("health", "uptime_seconds", null, ProblemCode.FIELD_MISSING),
                Arguments.of("health", "restart_count", "two", ProblemCode.FIELD_INVALID),
                Arguments.of("health", "restart_count", "-3", ProblemCode.FIELD_INVALID),
                Arguments.of("health", "health_status", "ok", ProblemCode.FIELD_INVALID),
                Arguments.of("health", "health_status", null, ProblemCode.FIELD_MISSING),
                Arguments.of("health", "last_updated_at", "", ProblemCode.FIELD_MISSING));
    }

    @ParameterizedTest(name = "{0}.{1} = {2} -> {3}")
    @MethodSource("malformed")
    void malformedValueIsFlaggedKeptRawAndTypedAsNull(String hash, String field, String value, ProblemCode expected) {
        Instance i = parser.parse(complete(hash, field, value), Instant.now());
        assertEquals(1, i.problems().size(), () -> "problems: " + i.problems());
        Problem p = i.problems().get(0);
        assertEquals(expected, p.code());
        assertEquals(field, p.field());
        assertEquals(ID, p.instanceId());
        String key = switch (hash) {
            case "instance" -> KeySchema.instanceKey(ID);
            case "metrics" -> KeySchema.metricsKey(ID);
            default -> KeySchema.healthKey(ID);
        };
        assertEquals(key, p.key());
        if (value != null && !value.isEmpty() && expected == ProblemCode.FIELD_INVALID) {
            assertTrue(p.message().contains(value.length() > 60 ? value.substring(0, 60) : value), p.message());
        }
        Map<String, String> raw = switch (hash) {
            case "instance" -> i.raw().instance();
            case "metrics" -> i.raw().metrics();
            default -> i.raw().health();
        };
        assertEquals(value, raw.get(field), "raw text is kept as written");
    }

    @Test
    void invalidCpuIsNullNotZero() {
        Instance i = parser.parse(complete("metrics", "cpu_usage", "abc"), Instant.now());
        assertNull(i.metrics().cpuUsage());
        assertEquals(256.3, i.metrics().memoryUsage());
    }

    @Test
    void absentOptionalFieldsAreNotProblems() {
        RawInstance raw = complete("instance", "active_connections", null);
        Map<String, String> health = new HashMap<>(raw.health());
        health.remove("restart_count");
        health.remove("last_error");
        Instance i = parser.parse(new RawInstance(ID, raw.instance(), raw.metrics(), health, Set.of("running"), Map.of()), Instant.now());
        assertEquals(List.of(), i.problems());
        assertNull(i.state().activeConnections());
    }

    @Test
    void unknownExtraFieldsAreKeptAndNotFlagged() {
        Instance i = parser.parse(complete("instance", "region", "eu-west"), Instant.now());
        assertEquals(List.of(), i.problems());
        assertEquals("eu-west", i.raw().instance().get("region"));
    }

    @Test
    void offsetTimestampsAreAccepted() {
        Instance i = parser.parse(complete("instance", "last_updated_at", "2025-03-22T12:15:30+02:00"), Instant.now());
        assertEquals(Instant.parse("2025-03-22T10:15:30Z"), i.state().lastUpdatedAt());
    }

    @Test
    void idThatIsNotUuidIsFlagged() {
        RawInstance raw = new RawInstance("mt5-prod-7", Fixtures.stateHash("running"), Fixtures.metricsHash(),
                Fixtures.healthHash(), Set.of("running"), Map.of());
        Instance i = parser.parse(raw, Instant.now());
        assertEquals(List.of(ProblemCode.ID_NOT_UUID), i.problems().stream().map(Problem::code).toList());
        assertEquals("instance:mt5-prod-7", i.problems().get(0).key());
    }

    @Test
    void partsOrphansAndIndexDriftAreFlagged() {
        Instance partial = parser.parse(new RawInstance(ID, Fixtures.stateHash("running"), null, Fixtures.healthHash(), Set.of("running"), Map.of()), Instant.now());
        assertEquals(List.of(ProblemCode.PART_MISSING), codes(partial));
        assertEquals(KeySchema.metricsKey(ID), partial.problems().get(0).key());

        Instance orphan = parser.parse(new RawInstance(ID, null, Fixtures.metricsHash(), null, Set.of(), Map.of()), Instant.now());
        assertEquals(List.of(ProblemCode.ORPHAN), codes(orphan));

        Instance drift = parser.parse(new RawInstance(ID, Fixtures.stateHash("crashed"), Fixtures.metricsHash(), Fixtures.healthHash(), Set.of("running"), Map.of()), Instant.now());
        assertEquals(List.of(ProblemCode.INDEX_MISSING, ProblemCode.INDEX_EXTRA), codes(drift));

        Instance dangling = parser.parse(new RawInstance(ID, null, null, null, Set.of("stopped"), Map.of()), Instant.now());
        assertEquals(List.of(ProblemCode.INDEX_DANGLING), codes(dangling));

        Instance wrongType = parser.parse(new RawInstance(ID, null, Fixtures.metricsHash(), Fixtures.healthHash(), Set.of(), Map.of(KeySchema.instanceKey(ID), "string")), Instant.now());
        assertEquals(List.of(ProblemCode.KEY_WRONG_TYPE), codes(wrongType));
    }

    @Test
    void invalidStateIsNotAlsoReportedAsIndexDrift() {
        Instance i = parser.parse(new RawInstance(ID, Fixtures.stateHash("paused"), Fixtures.metricsHash(), Fixtures.healthHash(), Set.of("running"), Map.of()), Instant.now());
        assertEquals(List.of(ProblemCode.FIELD_INVALID), codes(i));
    }

    @Test
    void aTimestampFromTheFutureDoesNotMakeAnInstanceLookLive() {
        Map<String, String> h = new HashMap<>(Fixtures.healthHash());
        h.put("last_updated_at", "2999-01-01T00:00:00Z");
        Map<String, String> s = new HashMap<>(Fixtures.stateHash("running"));
        s.put("last_updated_at", "2020-01-01T00:00:00Z");
        Map<String, String> m = new HashMap<>(Fixtures.metricsHash());
        m.put("last_updated_at", "2020-01-01T00:00:00Z");
        Instance i = parser.parse(new RawInstance(ID, s, m, h, Set.of("running"), Map.of()), Instant.now());
        assertEquals(Freshness.LOST, i.freshness(FreshnessPolicy.defaults(), Instant.now()));
        assertEquals(List.of(ProblemCode.CLOCK_SKEW), codes(i));
    }

    @Test
    void freshnessFollowsTheNewestTimestamp() {
        FreshnessPolicy policy = FreshnessPolicy.defaults();
        Instant now = Instant.parse("2026-01-01T00:10:00Z");
        assertEquals(Freshness.FRESH, policy.classify(now.minusSeconds(5), now));
        assertEquals(Freshness.AGING, policy.classify(now.minusSeconds(30), now));
        assertEquals(Freshness.STALE, policy.classify(now.minusSeconds(120), now));
        assertEquals(Freshness.LOST, policy.classify(now.minusSeconds(600), now));
        assertEquals(Freshness.LOST, policy.classify(null, now));
    }

    private static List<ProblemCode> codes(Instance i) {
        return i.problems().stream().map(Problem::code).toList();
    }
}
