package com.mt5ops.console.model;

import java.util.Optional;

/**
 * What a broker name may be when the console writes one: at most {@link #MAX_LENGTH} characters, no control or bidi
 * characters, not only spaces (an empty name removes it). Names other systems wrote are never trusted to follow this:
 * the views escape and clip what they show.
 */
public final class BrokerNameRules {
    /** The longest name the console writes, in characters (code points). */
    public static final int MAX_LENGTH = 64;
    /** The same bound in UTF-8 bytes, as the script checks it. */
    public static final int MAX_BYTES = MAX_LENGTH * 4;
    /** The most of one name read from Redis kept in memory; a longer one is cut and ends with "…" (one more). */
    public static final int MAX_KEPT = 256;
    /** The longest broker id the console names. */
    public static final int MAX_ID_LENGTH = 200;

    private BrokerNameRules() {
    }

    /** Why {@code name} cannot be written, or empty when it can (the empty name: no name). */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        if (name.isBlank()) {
            return Optional.of("a name of only spaces; leave it empty to remove the name");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return Optional.of("at most " + MAX_LENGTH + " characters");
        }
        if (name.chars().anyMatch(BrokerNameRules::unsafe)) {
            return Optional.of("no control or text-direction characters");
        }
        return Optional.empty();
    }

    /** Why no name can be given to {@code brokerId}, or empty. */
    public static Optional<String> idProblem(String brokerId) {
        if (brokerId == null || brokerId.isEmpty()) {
            return Optional.of("the instance names no broker");
        }
        if (brokerId.length() > MAX_ID_LENGTH || brokerId.chars().anyMatch(BrokerNameRules::unsafe)) {
            return Optional.of("this broker id is malformed (too long, or control characters): fix the data first");
        }
        return Optional.empty();
    }

    /** C0, DEL, C1, the bidi controls and the line and paragraph separators. */
    static boolean unsafe(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
    }
}
