package com.mt5ops.console.ui.look;

/** The console's themes, each with its palette. */
public enum Theme {
    DARK, LIGHT;

    public Palette palette() {
        return this == DARK ? Palette.dark() : Palette.light();
    }
}
