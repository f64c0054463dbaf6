package com.mt5ops.console.archfixture.ui.grid;

/** Breaks "no cycles between ui features": grid uses detail, which uses grid. */
public final class CycleBreach {
    com.mt5ops.console.archfixture.ui.detail.Detail detail;
}
