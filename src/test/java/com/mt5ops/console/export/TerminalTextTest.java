package com.mt5ops.console.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "550e8400-e29b-41d4-a716-446655440000 ünïcödé ✓ עברית";
        assertSame(text, TerminalText.escape(text));
        assertNull(TerminalText.escape(null));
    }

    @Test
    void ansiSequencesAndControlsBecomeVisibleEscapes() {
        assertEquals("\\x1b[2J\\x1b[1;1Hok", TerminalText.escape("\u001b[2J\u001b[1;1Hok"));
        assertEquals("a\\x0db\\x0ac\\x09d\\x00e\\x07", TerminalText.escape("a\rb\nc\td\0e\u0007"));
        assertEquals("\\x7f\\x80\\x9b\\x9f", TerminalText.escape("\u007f\u0080\u009b\u009f"));
    }

    @Test
    void bidiControlsBecomeVisibleEscapes() {
        assertEquals("id-\\u202eexe.txt", TerminalText.escape("id-\u202eexe.txt"));
        String all = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029";
        assertEquals("\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029",
                TerminalText.escape(all));
    }

    @Test
    void aBackslashIsDoubledSoAnEscapeCannotBeFaked() {
        assertEquals("\\\\x1b \\x1b", TerminalText.escape("\\x1b \u001b"));
    }
}
