package com.mt5ops.console.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mt5ops.console.testing.Fixtures;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstanceAccessorsTest {
    private static final String ID = "550e8400-e29b-41d4-a716-446655440000";
    private final InstanceParser parser = new InstanceParser(FreshnessPolicy.defaults());

    @Test
    void rawAccessorsGiveWhatWasWrittenAlsoWhenItIsInvalid() {
        Map<String, String> state = new HashMap<>(Fixtures.stateHash("paused"));
        state.put(Fields.BROKER_ID, "broker-7");
        Map<String, String> health = new HashMap<>(Fixtures.healthHash());
        health.put(Fields.HEALTH_STATUS, "so-so");
        health.put(Fields.LAST_ERROR, "trade server unreachable");
        health.put("vendor_note", "kept");
        Instance i = parser.parse(new RawInstance(ID, state, Fixtures.metricsHash(), health, Set.of(), Map.of()), Instant.now());

        assertNull(i.stateOrNull());
        assertEquals("paused", i.rawState());
        assertNull(i.brokerOrNull());
        assertEquals("broker-7", i.rawBrokerId());
        assertNull(i.healthOrNull());
        assertEquals("so-so", i.rawHealthStatus());
        assertEquals("trade server unreachable", i.lastError());
        assertEquals("kept", i.rawField(HashPart.HEALTH, "vendor_note"));
        assertEquals("45.5", i.rawField(HashPart.METRICS, Fields.CPU_USAGE));
        assertEquals(45.5, i.cpuOrNull());
        assertEquals(256.3, i.memoryOrNull());
        assertEquals(2L, i.restartsOrNull());
        assertEquals(3600L, i.uptimeOrNull());
    }

    @Test
    void absentHashesAndFieldsReadAsNull() {
        Map<String, String> state = new HashMap<>(Fixtures.stateHash("running"));
        state.remove(Fields.STATE);
        Instance i = parser.parse(new RawInstance(ID, state, null, null, Set.of(), Map.of()), Instant.now());

        assertNull(i.rawState());
        assertEquals(Fixtures.BROKER, i.rawBrokerId());
        assertNull(i.rawHealthStatus());
        assertNull(i.lastError());
        assertNull(i.rawField(HashPart.METRICS, Fields.CPU_USAGE));
        assertNull(i.cpuOrNull());
        assertNull(i.memoryOrNull());
        assertNull(i.restartsOrNull());
        assertNull(i.uptimeOrNull());
        assertEquals("instance_metrics", HashPart.METRICS.hashName());
        assertEquals(KeySchema.healthKey(ID), HashPart.HEALTH.key(ID));
    }
}
