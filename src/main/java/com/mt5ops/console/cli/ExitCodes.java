package com.mt5ops.console.cli;

/** The exit codes of the command-line contract (cli.md), extended with 6 and 7 for transitions. */
public final class ExitCodes {
    public static final int DONE = 0;
    public static final int PROBLEMS_FOUND = 1;
    public static final int USAGE = 2;
    public static final int CONFLICT = 3;
    public static final int NOT_FOUND = 4;
    public static final int UNAVAILABLE = 5;
    /** A bug in the console (EX_SOFTWARE of sysexits.h); the log file has the details. */
    public static final int INTERNAL = 70;
    /** A transition the data in Redis stops before any write (a restart_count that is no integer, a key of the wrong type). */
    public static final int REFUSED = 6;
    /** Redis failed a command of a transition (or of `check --repair`); the message says what was written, if anything. */
    public static final int SERVER_ERROR = 7;

    private ExitCodes() {
    }
}
