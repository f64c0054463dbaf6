package com.mt5ops.console.model;

/**
 * What became of a transition: the outcome, the state found in Redis (after the change when DONE), and a
 * sentence an operator can read.
 */
public record TransitionResult(Outcome outcome, String instanceId, String stateNow, String message) {

    /** The distinct results of a transition; expected failures are values, not exceptions. */
    public enum Outcome {
        DONE(0), NOT_ALLOWED(2), CONFLICT(3), NOT_FOUND(4), DENIED(5), UNAVAILABLE(5);

        private final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }

        /** The CLI exit code of cli.md for this outcome. */
        public int exitCode() {
            return exitCode;
        }
    }
}
