package com.mt5ops.console.export;

import java.util.regex.Pattern;

/**
 * One CSV cell, quoted as RFC 4180 asks and defused against formula injection: a spreadsheet runs a cell that
 * starts with {@code = + - @}, a tab or a carriage return as a formula, so such a cell gets a leading apostrophe
 * (OWASP's advice), unless it is a plain number such as {@code -1.5}.
 */
public final class CsvCell {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvCell() {
    }

    /** The cell as written between commas; null is an empty cell. */
    public static String of(String value) {
        if (value == null) {
            return "";
        }
        String s = defused(value);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** {@code value} with an apostrophe in front when a spreadsheet would take it for a formula. */
    static String defused(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return risky && !PLAIN_NUMBER.matcher(value).matches() ? "'" + value : value;
    }
}
