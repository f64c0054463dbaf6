package com.mt5ops.console.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionTableTest {
    private final TransitionTable table = new TransitionTable();

    @Test
    void tableMatchesTheArchitecture() {
        assertEquals(List.of(InstanceState.RUNNING), table.targets(InstanceState.STOPPED));
        assertEquals(List.of(InstanceState.STOPPED, InstanceState.CRASHED, InstanceState.RESTARTING), table.targets(InstanceState.RUNNING));
        assertEquals(List.of(InstanceState.RUNNING, InstanceState.STOPPED, InstanceState.RESTARTING), table.targets(InstanceState.CRASHED));
        assertEquals(List.of(InstanceState.RUNNING, InstanceState.STOPPED, InstanceState.CRASHED), table.targets(InstanceState.RESTARTING));
        assertEquals("recovered", table.name(InstanceState.CRASHED, InstanceState.RUNNING).orElseThrow());
        assertFalse(table.isAllowed(InstanceState.STOPPED, InstanceState.CRASHED));
        assertFalse(table.isAllowed(InstanceState.RUNNING, InstanceState.RUNNING));
        assertTrue(table.encoded().contains(" crashed>restarting "));
        assertEquals(List.of(), table.targets(null));
    }
}
