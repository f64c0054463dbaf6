package com.mt5ops.console.app;

/**
 * The jar's entry point. Deliberately not a JavaFX Application, so the fat jar starts on the class path
 * without a JavaFX launcher; the GUI is started only when the `gui` command runs.
 */
public final class Launcher {
    private Launcher() {
    }

    /** No command means the GUI; so do GUI options given without a command (`--demo`, `--redis URI`). */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0) {
            return new String[] {"gui"};
        }
        boolean guiOption = args[0].equals("--demo") || args[0].equals("--redis") || args[0].startsWith("--redis=")
                || args[0].equals("--read-only");
        if (!guiOption) {
            return args;
        }
        String[] out = new String[args.length + 1];
        out[0] = "gui";
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }

    public static void main(String[] args) {
        int code = new CommandLineFactory().create().execute(withDefaultCommand(args));
        if (code != Integer.MIN_VALUE) {
            System.exit(code);
        }
    }
}
