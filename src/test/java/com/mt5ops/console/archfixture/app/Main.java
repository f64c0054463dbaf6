package com.mt5ops.console.archfixture.app;

/** Obeys the rules: app wires cli and ui. */
public final class Main {
    com.mt5ops.console.archfixture.cli.Command command;
    com.mt5ops.console.archfixture.ui.Window window;
}
