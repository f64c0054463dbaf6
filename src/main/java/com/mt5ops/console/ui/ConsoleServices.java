package com.mt5ops.console.ui;

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
 * {@code desktopNotifications} is off where popups would get in the way (tests, benchmarks).
 */
public record ConsoleServices(FleetFeed feed,
                              Function<TransitionRequest, CompletableFuture<TransitionResult>> transitions,
                              Function<String, CompletableFuture<List<AuditEntry>>> auditTrail,
                              TransitionTable table, FreshnessPolicy freshness, String source, boolean demo,
                              boolean readOnly, String operator, String host, boolean desktopNotifications) {
}
