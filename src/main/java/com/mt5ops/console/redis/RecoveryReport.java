package com.mt5ops.console.redis;

import com.mt5ops.console.model.TransitionResult;
import java.util.List;

/**
 * What a recovery pass did: the interrupted transitions it completed (DONE), and those it could not (with why;
 * their pending records stay, for the next pass).
 */
public record RecoveryReport(List<TransitionResult> completed, List<TransitionResult> incomplete) {
    public RecoveryReport {
        completed = List.copyOf(completed);
        incomplete = List.copyOf(incomplete);
    }

    /** How many pending records the pass found. */
    public int found() {
        return completed.size() + incomplete.size();
    }
}
