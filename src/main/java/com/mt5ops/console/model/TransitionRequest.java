package com.mt5ops.console.model;

import java.util.Objects;

/**
 * One transition an operator asks for. {@code expected} is the compare half of the CAS (the state the operator
 * saw, or any state for the CLI without --from); {@code markRestart} also adds one to restart_count.
 */
public record TransitionRequest(String instanceId, ExpectedState expected, InstanceState to, boolean markRestart,
                                String operator, String host, String reason) {
    public TransitionRequest {
        Objects.requireNonNull(expected, "expected state (ExpectedState.ANY to compare nothing)");
    }
}
