package com.mt5ops.console.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvCellTest {

    @Test
    void formulasGetALeadingApostrophe() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", CsvCell.of("=HYPERLINK(\"http://x\")"));
        assertEquals("'+cmd|' /C calc'!A0", CsvCell.of("+cmd|' /C calc'!A0"));
        assertEquals("'-2+3", CsvCell.of("-2+3"));
        assertEquals("'@SUM(A1:A9)", CsvCell.of("@SUM(A1:A9)"));
        assertEquals("'\tx", CsvCell.of("\tx"));
        assertEquals("\"'\rx\"", CsvCell.of("\rx"));
        assertEquals("'-", CsvCell.of("-"));
    }

    @Test
    void plainNumbersAndOrdinaryTextStayAsTheyAre() {
        for (String plain : new String[] {"-1.5", "+3", "-0", "-.5", "-1e5", "42", "running", "a=b", "trade server lost", ""}) {
            assertEquals(plain, CsvCell.of(plain));
        }
        assertEquals("", CsvCell.of(null));
    }

    @Test
    void quotingStillFollowsRfc4180() {
        assertEquals("\"a,b\"", CsvCell.of("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCell.of("say \"hi\""));
        assertEquals("\"line\nbreak\"", CsvCell.of("line\nbreak"));
    }
}
