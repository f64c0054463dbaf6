package com.mt5ops.console.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.KeySchema.Kind;
import com.mt5ops.console.model.KeySchema.ParsedKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeySchemaTest {
    @Test
    void stateSetsAreToldApartFromInstanceHashes() {
        assertEquals(Optional.of(new ParsedKey(Kind.STATE_SET, "running")), KeySchema.parse("instance:state:running"));
        assertEquals(Optional.of(new ParsedKey(Kind.INSTANCE, "550e8400-e29b-41d4-a716-446655440000")),
                KeySchema.parse("instance:550e8400-e29b-41d4-a716-446655440000"));
        assertEquals(Optional.of(new ParsedKey(Kind.METRICS, "abc")), KeySchema.parse("instance_metrics:abc"));
        assertEquals(Optional.of(new ParsedKey(Kind.HEALTH, "abc")), KeySchema.parse("instance_health:abc"));
        assertEquals(Optional.of(new ParsedKey(Kind.INSTANCE, "state")), KeySchema.parse("instance:state"));
        assertEquals(Optional.of(new ParsedKey(Kind.INSTANCE, "a:b")), KeySchema.parse("instance:a:b"));
    }

    @Test
    void aStateSetWithAnEmptyNameIsStillAStateSet() {
        assertEquals(Optional.of(new ParsedKey(Kind.STATE_SET, "")), KeySchema.parse("instance:state:"));
    }

    @Test
    void keysOutsideTheSchemaAreIgnored() {
        assertTrue(KeySchema.parse("instances").isEmpty());
        assertTrue(KeySchema.parse("instance:").isEmpty());
        assertTrue(KeySchema.parse("instance_other:1").isEmpty());
    }
}
