package com.mt5ops.console.archfixture.export;

/** Obeys the rules: export uses sync. */
public final class Writer {
    com.mt5ops.console.archfixture.sync.Mirror mirror;
}
