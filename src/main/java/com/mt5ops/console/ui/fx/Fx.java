package com.mt5ops.console.ui.fx;

import javafx.application.Platform;

/** Threading checks for FX-only code. */
public final class Fx {
    private Fx() {
    }

    public static void assertFx() {
        assert Platform.isFxApplicationThread() : "must run on the FX thread, not " + Thread.currentThread().getName();
    }
}
