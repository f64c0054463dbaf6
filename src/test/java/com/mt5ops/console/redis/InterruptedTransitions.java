package com.mt5ops.console.redis;

import com.mt5ops.console.model.ExpectedState;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionTable;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * For tests outside this package: a transition stopped right after its decision, as a console killed there leaves it
 * (the state changed with its pending record beside it; no count, no audit entry, the old index).
 */
public final class InterruptedTransitions {
    private InterruptedTransitions() {
    }

    /** Runs only the pre-checks and the compare-and-set of {@code from -> to} (a restart marking when to is restarting). */
    public static void decideOnly(RedisClusterAsyncCommands<String, String> redis, String id, String from, InstanceState to, String operator) {
        TransitionRequest request = new TransitionRequest(id, ExpectedState.is(from), to, to == InstanceState.RESTARTING, operator,
                "killed-host", "interrupted in a test");
        SlotSafeTransitions.Begun begun = new SlotSafeTransitions(redis, new TransitionTable(), "test").begin(request).join();
        if (!(begun instanceof SlotSafeTransitions.Changed)) {
            throw new IllegalStateException("the decision did not change the state: " + begun);
        }
    }
}
