package com.mt5ops.console.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldRowsTest {

    @Test
    void aSmallHashShowsEveryFieldInNameOrder() {
        assertEquals(List.of("a", "b", "state"), FieldRows.shown(Map.of("state", "x", "b", "y", "a", "z")));
    }

    @Test
    void aLargeHashShowsTheKnownFieldsAndTheFirstOthersByName() {
        Map<String, String> hash = new HashMap<>();
        for (int k = 99_999; k >= 0; k--) {
            hash.put(String.format("f%06d", k), "");
        }
        hash.put("state", "running");
        hash.put("broker_id", "b");
        List<String> shown = FieldRows.shown(hash);
        assertEquals(FieldRows.MAX, shown.size());
        List<String> expected = new ArrayList<>(List.of("broker_id"));
        for (int k = 0; k < FieldRows.MAX - 2; k++) {
            expected.add(String.format("f%06d", k));
        }
        expected.add("state");
        assertEquals(expected, shown);
        assertTrue(shown.contains("state"), "a known field is never crowded out");
    }
}
