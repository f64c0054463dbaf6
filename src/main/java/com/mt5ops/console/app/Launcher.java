package com.mt5ops.console.app;

import com.mt5ops.console.ui.fx.FxStartup;

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
                || args[0].equals("--read-only") || args[0].equals("--enable-notifications");
        if (!guiOption) {
            return args;
        }
        String[] out = new String[args.length + 1];
        out[0] = "gui";
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }

    /** True when these arguments open the window (not its help or version text, which need no toolkit). */
    static boolean opensWindow(String[] commandLine) {
        if (commandLine.length == 0 || !commandLine[0].equals("gui")) {
            return false;
        }
        for (String a : commandLine) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return false;
            }
        }
        return true;
    }

    public static void main(String[] args) {
        String[] commandLine = withDefaultCommand(args);
        FxStartup fx = new FxStartup();
        int code;
        if (opensWindow(commandLine)) {
            fx.start(); // first: JavaFX takes longest to come up, and needs nothing the command line decides
            code = new CommandLineFactory(fx).createGui().execute(java.util.Arrays.copyOfRange(commandLine, 1, commandLine.length));
        } else {
            code = new CommandLineFactory(fx).create().execute(commandLine);
        }
        if (code != Integer.MIN_VALUE) {
            System.exit(code);
        }
    }
}
