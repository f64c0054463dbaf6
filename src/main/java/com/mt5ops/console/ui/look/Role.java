package com.mt5ops.console.ui.look;

import java.util.Locale;

/** What a status colour means; each theme's {@link Palette} gives every role its colour. */
public enum Role {
    OK, IDLE, WARNING, BAD, PROBLEM, ACCENT;

    /** The CSS pseudo-class of a chip or badge in this role ({@code ok}, {@code bad}, ...). */
    public String cssName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Text on a fill of this colour needs the palette's strong foreground (the loud colours). */
    public boolean strongFill() {
        return this == BAD || this == PROBLEM;
    }
}
