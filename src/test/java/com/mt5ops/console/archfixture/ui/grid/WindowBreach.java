package com.mt5ops.console.archfixture.ui.grid;

/** Breaks "no feature uses the window": grid uses the window that assembles it (ui -> grid -> ui). */
public final class WindowBreach {
    com.mt5ops.console.archfixture.ui.Window window;
}
