package com.mt5ops.console.archfixture.ui.grid;

/** Obeys the rules: a ui feature that uses model. */
public final class Grid {
    com.mt5ops.console.archfixture.model.Part part;
}
