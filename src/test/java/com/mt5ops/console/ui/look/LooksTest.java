package com.mt5ops.console.ui.look;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.InstanceState;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LooksTest {

    @Test
    void everyStateAndHealthHasItsOwnIconWordAndRole() {
        Set<Object> icons = new HashSet<>();
        for (InstanceState s : InstanceState.values()) {
            Look look = Looks.of(s);
            assertNotNull(look.role(), s.name());
            assertEquals(s.wire().toUpperCase(java.util.Locale.ROOT), look.text());
            assertEquals(look, Looks.state(s, s.wire()), "a known state shows its word, not the raw text");
            icons.add(look.icon());
        }
        for (HealthStatus h : HealthStatus.values()) {
            Look look = Looks.of(h);
            assertNotNull(look.role(), h.name());
            assertEquals(h.wire(), look.text());
            icons.add(look.icon());
        }
        assertEquals(InstanceState.values().length + HealthStatus.values().length, icons.size(), "never colour alone: distinct icons");
        assertEquals(Role.BAD, Looks.of(InstanceState.CRASHED).role());
        assertEquals(Role.BAD, Looks.of(HealthStatus.CRITICAL).role());
    }

    @Test
    void unknownAndMissingValuesSayWhatWasWrittenOrThatNothingWas() {
        assertEquals("NO STATE", Looks.state(null, null).text());
        assertEquals("? paused", Looks.state(null, "paused").text());
        assertEquals("? reallylon…", Looks.state(null, "reallylongstate").text());
        assertEquals("? \"\"", Looks.state(null, "").text());
        assertEquals("no health", Looks.health(null, null).text());
        assertEquals("? so-so", Looks.health(null, "so-so").text());
        assertEquals(Role.PROBLEM, Looks.state(null, "paused").role());
        assertEquals(Role.PROBLEM, Looks.health(null, null).role());
        assertNotEquals(Looks.of(InstanceState.RUNNING).icon(), Looks.state(null, null).icon());
    }
}
