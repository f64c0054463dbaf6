package com.mt5ops.console.ui.services;

import com.mt5ops.console.model.AuditEntry;
import com.mt5ops.console.model.BrokerRename;
import com.mt5ops.console.model.BrokerRenameResult;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.sync.BrokerNameFeed;
import com.mt5ops.console.sync.FleetFeed;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Everything the window talks to, handed in by the app wiring: the live feed and the broker names, the action,
 * rename and audit gateways (asynchronous; their futures complete off the FX thread), and the facts the views display.
 * {@code alertEvery} is how often new crashes and critical health are summarized in a desktop notification; null
 * where popups would get in the way (benchmarks).
 */
public record ConsoleServices(FleetFeed feed,
                              Function<TransitionRequest, CompletableFuture<TransitionResult>> transitions,
                              Function<String, CompletableFuture<List<AuditEntry>>> auditTrail,
                              TransitionTable table, FreshnessPolicy freshness, String source, boolean demo,
                              boolean readOnly, String operator, String host, java.time.Duration alertEvery,
                              BrokerNameFeed brokerNames, Function<BrokerRename, CompletableFuture<BrokerRenameResult>> renameBroker) {
    /** The console's rhythm: one summary of new crashes and critical health at most every 10 s. */
    public static final java.time.Duration ALERT_EVERY = java.time.Duration.ofSeconds(10);

    /** Without broker names: none shown, and a rename is refused without touching Redis (benchmarks). */
    public ConsoleServices(FleetFeed feed, Function<TransitionRequest, CompletableFuture<TransitionResult>> transitions,
                           Function<String, CompletableFuture<List<AuditEntry>>> auditTrail, TransitionTable table,
                           FreshnessPolicy freshness, String source, boolean demo, boolean readOnly, String operator, String host,
                           java.time.Duration alertEvery) {
        this(feed, transitions, auditTrail, table, freshness, source, demo, readOnly, operator, host, alertEvery, BrokerNameFeed.NONE,
                r -> CompletableFuture.completedFuture(new BrokerRenameResult(TransitionResult.Outcome.DENIED, r.brokerId(), null,
                        "this console cannot rename brokers")));
    }
}
