package com.mt5ops.console.ui.status;

import com.mt5ops.console.sync.ConnectionState;
import com.mt5ops.console.sync.MirrorStats;
import com.mt5ops.console.ui.fx.Format;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fleet.KpiCounts;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import com.mt5ops.console.ui.fx.PriorityRow;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * Connection state in words and colour, last full sync, events/s and counts; DEMO and READ-ONLY tags. The trust
 * signals (the connection state, DEMO, READ-ONLY) and Resync keep their full width at any window size; the rest gives
 * way, the last message first, then events/s, the source, the sync time and the counts, each ellipsized.
 */
public final class StatusBar {
    private static final int PINNED = 100;
    private final PriorityRow bar = new PriorityRow(14);
    private final Label connection = new Label("CONNECTING");
    private final Label sync = new Label();
    private final Label rate = new Label();
    private final Label totals = new Label();
    private final Label readOnlyTag = new Label("READ-ONLY");
    private final Label message = new Label();

    public StatusBar(FleetViewModel vm, String source, boolean demo, BooleanProperty readOnly, Runnable resync) {
        bar.getStyleClass().add("status-bar");
        connection.setId("connection-state");
        connection.getStyleClass().addAll("conn", "connecting");
        Label where = new Label(source);
        where.getStyleClass().add("muted");
        Region spacer = new Region();
        spacer.setMinWidth(0);
        spacer.setPrefWidth(0);
        spacer.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.control.Button resyncButton = new javafx.scene.control.Button("Resync now");
        resyncButton.setId("resync");
        com.mt5ops.console.ui.fx.Hint.install(resyncButton, "Read the whole fleet from Redis again");
        resyncButton.setOnAction(e -> resync.run());
        message.setId("status-message");
        for (Label pinned : java.util.List.of(connection, readOnlyTag)) {
            pinned.setMinWidth(Region.USE_PREF_SIZE);
        }
        resyncButton.setMinWidth(Region.USE_PREF_SIZE);
        for (Label shrinks : java.util.List.of(where, sync, rate, message, totals)) {
            shrinks.setMinWidth(0);
        }
        bar.add(connection, PINNED, false, false).add(where, 30, false, false).add(sync, 40, false, false)
                .add(rate, 20, false, false).add(resyncButton, PINNED, false, false).add(message, 10, false, false)
                .add(spacer, 0, false, true).add(totals, 50, false, false);
        if (demo) {
            Label tag = new Label("DEMO");
            tag.setId("demo-tag");
            tag.getStyleClass().add("tag");
            tag.setMinWidth(Region.USE_PREF_SIZE);
            bar.add(tag, PINNED, false, false);
        }
        readOnlyTag.setId("read-only-tag");
        readOnlyTag.getStyleClass().add("tag");
        readOnlyTag.visibleProperty().bind(readOnly);
        readOnlyTag.managedProperty().bind(readOnly);
        bar.add(readOnlyTag, PINNED, false, false);
        vm.stats().addListener((o, a, s) -> show(s));
        vm.counts().addListener((o, a, k) -> totals(k));
    }

    private void show(MirrorStats s) {
        ConnectionState state = s.state();
        // on a Redis Cluster, how many masters are LIVE ("LIVE 3/3"); a single server shows the state alone
        connection.setText(state.name() + (s.cluster().isCluster() ? " " + s.cluster().ratio() : ""));
        for (ConnectionState each : ConnectionState.values()) {
            connection.getStyleClass().remove(each.name().toLowerCase(Locale.ROOT));
        }
        connection.getStyleClass().remove("partial");
        connection.getStyleClass().add(state.name().toLowerCase(Locale.ROOT));
        if (state.isCurrent() && s.cluster().partial()) {
            connection.getStyleClass().add("partial"); // "LIVE 2/3" in amber: part of the fleet may be behind
        }
        // LIVE says what it rests on: events seen, or (read-only) the server's flags or reconciliation alone
        sync.setText("last full sync " + Format.clock(s.lastFullSync()) + (s.basis().isEmpty() ? "" : " · " + s.basis())
                + (s.master().isEmpty() ? "" : " · master " + s.master()) // behind Sentinel: which server, after a switch too
                + (s.cluster().detail().isEmpty() ? "" : " · " + s.cluster().detail())); // a cluster's masters that are not LIVE, and why
        rate.setText(String.format(Locale.ROOT, "%,.0f events/s", s.eventsPerSecond()));
    }

    private void totals(KpiCounts k) {
        totals.setText(String.format(Locale.ROOT, "%,d instances · %,d running · %,d crashed · %,d critical · %,d stale",
                k.total(), k.running(), k.crashed(), k.critical(), k.stale()));
    }

    /** The READ-ONLY tag says why on hover (the tooltip made on the first hover, like {@code Hint}). */
    public void explainReadOnly(javafx.beans.value.ObservableStringValue reason) {
        readOnlyTag.setOnMouseEntered(e -> {
            readOnlyTag.setOnMouseEntered(null);
            javafx.scene.control.Tooltip why = new javafx.scene.control.Tooltip();
            why.textProperty().bind(reason);
            readOnlyTag.setTooltip(why);
        });
    }

    /** Puts {@code node} on the right, before the counts (the selection chip): it takes the spacer's room, moving nothing. */
    public void placeBeforeTotals(Node node) {
        bar.getChildren().add(bar.getChildren().indexOf(totals), node);
    }

    /** Puts {@code node} right after the connection state (the connection's profile menu). */
    public void placeAfterState(Node node) {
        bar.getChildren().add(bar.getChildren().indexOf(connection) + 1, node);
    }

    /** The outcome of something the operator started here (an export), until the next one. */
    public void message(String text, boolean ok) {
        message.setText(text);
        if (message.getTooltip() == null) {
            message.setTooltip(new Tooltip());
        }
        message.getTooltip().setText(text);
        message.getStyleClass().removeAll("result-ok", "result-bad");
        message.getStyleClass().add(ok ? "result-ok" : "result-bad");
    }

    public Node node() {
        return bar;
    }
}
