package com.mt5ops.console.model;

/**
 * What became of a transition: the outcome, the state found in Redis (after the change when DONE), and a
 * sentence an operator can read.
 */
public record TransitionResult(Outcome outcome, String instanceId, String stateNow, String message) {

    /**
     * The distinct results of a transition; expected failures are values, not exceptions. REFUSED: the data in
     * Redis stops it before any write (a restart_count that is not an integer, a key of the wrong type).
     * SERVER_ERROR: Redis failed a command; the message says what was written, if anything. NOT_REPLICATED: the change
     * is on the master, but no replica confirmed it (behind Sentinel, or a master with replicas): it may be lost if the
     * master fails over.
     */
    public enum Outcome {
        DONE(0), NOT_ALLOWED(2), CONFLICT(3), NOT_FOUND(4), DENIED(5), UNAVAILABLE(5), REFUSED(6), SERVER_ERROR(7),
        NOT_REPLICATED(7);

        private final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }

        /** The CLI exit code (cli.md, extended with 6 and 7) for this outcome. */
        public int exitCode() {
            return exitCode;
        }
    }

    /** An ACL denial, whether it stopped everything (DENIED) or left the change incomplete (SERVER_ERROR). */
    public boolean deniedByAcl() {
        return outcome == Outcome.DENIED || (outcome == Outcome.SERVER_ERROR && message != null && message.contains("permission denied"));
    }
}
