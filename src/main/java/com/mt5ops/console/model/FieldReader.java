package com.mt5ops.console.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed fields out of one raw hash. Never throws on bad data: a bad or missing field yields null and a
 * {@link Problem} that quotes the raw text.
 */
final class FieldReader {

    private final Map<String, String> hash;
    private final String instanceId;
    private final String key;
    private final List<Problem> problems = new ArrayList<>();

    FieldReader(Map<String, String> hash, String instanceId, String key) {
        this.hash = hash;
        this.instanceId = instanceId;
        this.key = key;
    }

    List<Problem> problems() {
        return problems;
    }

    String uuid(String field) {
        String raw = required(field);
        if (raw == null) {
            return null;
        }
        return Numbers.isUuid(raw) ? raw : invalid(field, "not a UUID: " + quote(raw));
    }

    <E> E choice(String field, Function<String, Optional<E>> parser, String expected) {
        String raw = required(field);
        if (raw == null) {
            return null;
        }
        return parser.apply(raw).orElseGet(() -> invalid(field, "unknown value " + quote(raw) + ", expected " + expected));
    }

    /** A non-negative whole number; {@code required} decides whether absence is a problem. */
    Long count(String field, boolean required) {
        String raw = required ? required(field) : hash.get(field);
        if (raw == null) {
            return null;
        }
        if (!Numbers.isInteger(raw)) {
            return invalid(field, "not an integer: " + quote(raw));
        }
        try {
            long value = Long.parseLong(raw);
            return value < 0 ? invalid(field, "negative: " + quote(raw)) : value;
        } catch (NumberFormatException e) {
            return invalid(field, "out of range: " + quote(raw));
        }
    }

    /** A required finite, non-negative number, at most {@code max}. */
    Double usage(String field, double max) {
        String raw = required(field);
        if (raw == null) {
            return null;
        }
        if (!Numbers.isDecimal(raw)) {
            return invalid(field, "not a number: " + quote(raw));
        }
        double value = Double.parseDouble(raw);
        if (Double.isInfinite(value)) {
            return invalid(field, "out of range: " + quote(raw));
        }
        if (value < 0) {
            return invalid(field, "negative: " + quote(raw));
        }
        return value > max ? invalid(field, "above " + (long) max + ": " + quote(raw)) : value;
    }

    Instant time(String field) {
        String raw = required(field);
        if (raw == null) {
            return null;
        }
        Instant fast = Numbers.utcSeconds(raw);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException e) {
                return invalid(field, "not an ISO-8601 time: " + quote(raw));
            }
        }
    }

    String text(String field) {
        return hash.get(field);
    }

    private String required(String field) {
        String raw = hash.get(field);
        if (raw == null || raw.isEmpty()) {
            problems.add(new Problem(ProblemCode.FIELD_MISSING, instanceId, key, field,
                    raw == null ? "missing" : "empty"));
            return null;
        }
        return raw;
    }

    private <T> T invalid(String field, String message) {
        problems.add(new Problem(ProblemCode.FIELD_INVALID, instanceId, key, field, message));
        return null;
    }

    static String quote(String raw) {
        String shown = raw.length() > 60 ? raw.substring(0, 60) + "…" : raw;
        return "'" + shown + "'";
    }
}
