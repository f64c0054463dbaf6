package com.mt5ops.console.redis;

import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionTable;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How the console issues operator transitions on its Redis: one atomic script on a single server
 * ({@link TransitionService}), the slot-safe steps on a Redis Cluster ({@link ClusterTransitions}). Same outcomes and
 * exit codes either way; failures come back as values.
 */
public interface TransitionWriter extends AutoCloseable {
    CompletableFuture<TransitionResult> apply(TransitionRequest request);

    /**
     * Completes the transitions that were cut short between their steps (a cluster's pending records). A single
     * server has none (its transition is one script): nothing is sent there.
     */
    CompletableFuture<RecoveryReport> recover();

    /** True once this writer should be replaced (Sentinel moved the master away from it). */
    boolean stale();

    @Override
    void close();

    /** The writer for {@code connector}'s server: the cluster's steps on a Redis Cluster, else the single script. */
    static TransitionWriter open(RedisConnector connector, TransitionTable table, boolean mayAskRole) {
        return connector.cluster() ? new ClusterTransitions(connector, table) : new TransitionService(connector, table, mayAskRole);
    }

    /** What a recovery pass reports where there is nothing to recover. */
    static RecoveryReport nothingPending() {
        return new RecoveryReport(List.of(), List.of());
    }
}
