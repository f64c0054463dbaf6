package com.mt5ops.console.archfixture.model;

/** Breaks "no JavaFX below the window", by a fully qualified name and no import. */
public final class JavaFxBreach {
    javafx.scene.Node node;
}
