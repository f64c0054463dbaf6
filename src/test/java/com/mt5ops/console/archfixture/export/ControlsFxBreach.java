package com.mt5ops.console.archfixture.export;

/** Breaks "no JavaFX below the window" through a JavaFX library rather than JavaFX itself. */
public final class ControlsFxBreach {
    org.controlsfx.control.GridView<String> grid;
}
