package com.mt5ops.console.app;

/**
 * The jar's entry point. Deliberately not a JavaFX Application, so the fat jar starts on the class path
 * without a JavaFX launcher; the GUI is started only when the `gui` command runs.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        int code = new CommandLineFactory().create().execute(args);
        if (code != Integer.MIN_VALUE) {
            System.exit(code);
        }
    }
}
