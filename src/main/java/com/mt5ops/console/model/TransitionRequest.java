package com.mt5ops.console.model;

/**
 * One transition an operator asks for. {@code expectedFrom} is the state the operator saw (the CAS value);
 * {@code markRestart} also adds one to restart_count.
 */
public record TransitionRequest(String instanceId, String expectedFrom, InstanceState to, boolean markRestart,
                                String operator, String host, String reason) {
}
