package com.mt5ops.console.model;

import java.util.Objects;

/**
 * The compare half of a transition's compare-and-set: any state (the CLI without --from), no state field at all,
 * or exactly one state string. A missing state compares as missing, never as "any".
 */
public record ExpectedState(Kind kind, String state) {

    /** What the script compares the current state with. */
    public enum Kind { ANY, MISSING, IS }

    public static final ExpectedState ANY = new ExpectedState(Kind.ANY, null);
    public static final ExpectedState MISSING = new ExpectedState(Kind.MISSING, null);

    public ExpectedState {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.IS) != (state != null)) {
            throw new IllegalArgumentException("a state string goes with IS and only with IS");
        }
    }

    /** Exactly {@code state} (which may be empty: an empty field is present, not missing). */
    public static ExpectedState is(String state) {
        return new ExpectedState(Kind.IS, Objects.requireNonNull(state, "state"));
    }

    /** The field as the operator saw it: null means the field was absent. */
    public static ExpectedState seen(String rawState) {
        return rawState == null ? MISSING : is(rawState);
    }

    /** The script's argument: {@code any}, {@code missing} or {@code is:<state>}. */
    public String wire() {
        return switch (kind) {
            case ANY -> "any";
            case MISSING -> "missing";
            case IS -> "is:" + state;
        };
    }

    /** For messages and confirmations. */
    public String describe() {
        return switch (kind) {
            case ANY -> "any state";
            case MISSING -> "(no state)";
            case IS -> state;
        };
    }
}
