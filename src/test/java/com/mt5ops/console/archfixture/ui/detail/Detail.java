package com.mt5ops.console.archfixture.ui.detail;

/** Obeys the rules: a ui feature that uses another. */
public final class Detail {
    com.mt5ops.console.archfixture.ui.grid.Grid grid;
}
