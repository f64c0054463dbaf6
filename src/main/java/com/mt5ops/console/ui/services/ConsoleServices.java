package com.mt5ops.console.ui.services;

import com.mt5ops.console.model.AuditEntry;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.sync.FleetFeed;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Everything the window talks to, handed in by the app wiring: the live feed, the action and audit gateways
 * (asynchronous; their futures complete off the FX thread), and the facts the views display.
 * {@code alertEvery} is how often new crashes and critical health are summarized in a desktop notification; null
 * where popups would get in the way (benchmarks).
 */
public record ConsoleServices(FleetFeed feed,
                              Function<TransitionRequest, CompletableFuture<TransitionResult>> transitions,
                              Function<String, CompletableFuture<List<AuditEntry>>> auditTrail,
                              TransitionTable table, FreshnessPolicy freshness, String source, boolean demo,
                              boolean readOnly, String operator, String host, java.time.Duration alertEvery) {
    /** The console's rhythm: one summary of new crashes and critical health at most every 10 s. */
    public static final java.time.Duration ALERT_EVERY = java.time.Duration.ofSeconds(10);
}
