package com.mt5ops.console.ui.fx;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Short, readable renderings of durations, ages, ids and times for cards and bars. */
public final class Format {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private Format() {
    }

    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m " + (seconds % 60) + "s";
        }
        if (seconds < 86_400) {
            return (seconds / 3600) + "h " + (seconds % 3600 / 60) + "m";
        }
        return (seconds / 86_400) + "d " + (seconds % 86_400 / 3600) + "h";
    }

    /** "4s ago", or "never" for no timestamp; future times read "in the future". */
    public static String age(Instant then, Instant now) {
        if (then == null) {
            return "no time";
        }
        long s = Duration.between(then, now).getSeconds();
        // The view's clock ticks once a second, so fresh data can be a moment "ahead"; real skew is a CLOCK_SKEW problem.
        return s < -30 ? "in the future" : compact(Math.max(0, s)) + " ago";
    }

    public static String compact(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m";
        }
        if (seconds < 86_400) {
            return (seconds / 3600) + "h";
        }
        return (seconds / 86_400) + "d";
    }

    public static String shortId(String id) {
        return id == null ? "—" : id.length() > 8 ? id.substring(0, 8) + "…" : id;
    }

    public static String clock(Instant t) {
        return t == null ? "—" : CLOCK.format(t);
    }

    public static String percent(Double v) {
        return v == null ? "?" : String.format(Locale.ROOT, "%.0f%%", v);
    }

    /** Fits inside a small gauge: 272M, 1.4G. */
    public static String megabytesShort(Double v) {
        if (v == null) {
            return "?";
        }
        return v >= 1024 ? String.format(Locale.ROOT, "%.1fG", v / 1024) : String.format(Locale.ROOT, "%.0fM", v);
    }

    public static String megabytes(Double v) {
        if (v == null) {
            return "?";
        }
        return v >= 1024 ? String.format(Locale.ROOT, "%.1f GB", v / 1024) : String.format(Locale.ROOT, "%.0f MB", v);
    }
}
