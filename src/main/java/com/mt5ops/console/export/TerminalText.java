package com.mt5ops.console.export;

/**
 * Text from Redis made safe to print on a terminal: control characters (C0, DEL, C1, which covers ESC and so every
 * ANSI sequence) and the Unicode bidirectional controls become visible escapes (ESC prints as backslash-x-1b, U+202E
 * as backslash-u-202e), so a value can neither rewrite the screen nor reorder what is printed around it (a spoofed
 * id). A backslash is doubled, so an escape on the screen always stands for the character it names.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** {@code text} with every unsafe character escaped; null stays null. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int k = first; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\\') {
                out.append("\\\\");
            } else if (isControl(c)) {
                out.append("\\x").append(hex(c, 2));
            } else if (isBidiControl(c)) {
                out.append("\\u").append(hex(c, 4));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String hex(char c, int digits) {
        String h = Integer.toHexString(c);
        return "0".repeat(digits - h.length()) + h;
    }

    private static int firstUnsafe(String text) {
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\\' || isControl(c) || isBidiControl(c)) {
                return k;
            }
        }
        return -1;
    }

    /** C0 (tab and newlines too: a table row is one line), DEL and C1. */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    /** The marks, embeddings, overrides and isolates that reorder text, and the line and paragraph separators. */
    private static boolean isBidiControl(char c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
    }
}
