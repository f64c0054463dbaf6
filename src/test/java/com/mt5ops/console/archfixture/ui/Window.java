package com.mt5ops.console.archfixture.ui;

/** Obeys the rules: ui uses sync, export and its own features. */
public final class Window {
    com.mt5ops.console.archfixture.sync.Mirror mirror;
    com.mt5ops.console.archfixture.export.Writer writer;
    com.mt5ops.console.archfixture.ui.detail.Detail detail;
    javafx.scene.Node node;
}
