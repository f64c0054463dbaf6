package com.mt5ops.console.archfixture.bench;

/** Obeys the rules: the top, using app and ui. */
public final class Bench {
    com.mt5ops.console.archfixture.app.Main main;
    com.mt5ops.console.archfixture.ui.Window window;
}
