package com.mt5ops.console.archfixture.cli;

/** Breaks the layer order sideways: cli uses ui, its neighbour. */
public final class UiBreach {
    com.mt5ops.console.archfixture.ui.Window window;
}
