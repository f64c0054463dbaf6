package com.mt5ops.console.model;

import com.mt5ops.console.model.TransitionResult.Outcome;

/**
 * What became of a broker rename: the outcome (the same kinds as a transition's), the name Redis holds for the
 * broker now (null for none), and a sentence an operator can read.
 */
public record BrokerRenameResult(Outcome outcome, String brokerId, String nameNow, String message) {

    /** An ACL denial, whether it stopped everything or left the change incomplete. */
    public boolean deniedByAcl() {
        return outcome == Outcome.DENIED || (outcome == Outcome.SERVER_ERROR && message != null && message.contains("permission denied"));
    }
}
