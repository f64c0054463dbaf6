package com.mt5ops.console.redis;

import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionTable;
import java.util.concurrent.CompletableFuture;

/**
 * Operator transitions on a Redis Cluster: {@link SlotSafeTransitions} and its {@link TransitionRecovery} over the
 * cluster's writer connection, which never replays (its node connections to every master opened up front).
 */
public final class ClusterTransitions implements TransitionWriter {
    private final KeyConnection connection;
    private final String target;
    private final SlotSafeTransitions transitions;
    private final TransitionRecovery recovery;

    public ClusterTransitions(RedisConnector connector, TransitionTable table) {
        this.connection = connector.openWriter();
        this.target = connector.endpoint().display();
        this.transitions = new SlotSafeTransitions(connection.async(), table, target);
        this.recovery = new TransitionRecovery(connection.async(), transitions);
    }

    @Override
    public CompletableFuture<TransitionResult> apply(TransitionRequest request) {
        try {
            // SlotSafeTransitions answers with values; this only guards against a command rejected before it is sent
            return transitions.apply(request).exceptionally(failure -> TransitionReplies.toFailure(target, request.instanceId(), failure));
        } catch (RuntimeException rejected) {
            return CompletableFuture.completedFuture(TransitionReplies.toFailure(target, request.instanceId(), rejected));
        }
    }

    @Override
    public CompletableFuture<RecoveryReport> recover() {
        return recovery.recover();
    }

    @Override
    public boolean stale() {
        return false; // Lettuce follows the cluster's topology itself
    }

    @Override
    public void close() {
        connection.close();
    }
}
