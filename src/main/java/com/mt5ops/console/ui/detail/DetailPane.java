package com.mt5ops.console.ui.detail;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.Problem;
import com.mt5ops.console.ui.services.ConsoleServices;
import com.mt5ops.console.ui.actions.ActionController;
import com.mt5ops.console.ui.actions.ActionLabels;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fx.Format;
import com.mt5ops.console.ui.fx.LongText;
import com.mt5ops.console.ui.look.LookLabels;
import com.mt5ops.console.ui.look.Looks;
import com.mt5ops.console.ui.look.Palette;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The focused instance in full: header, CPU and memory gauges (TilesFX), history sparklines, the actions the
 * transition table allows from its state, its problems, every raw field, and its audit trail.
 */
public final class DetailPane {
    private static final int MAX_PROBLEMS = 50;
    private final FleetViewModel vm;
    private final ConsoleServices services;
    private final ActionController actions;
    private final Consumer<Runnable> fx;
    private final VBox box = new VBox();
    private final ScrollPane scroll = new ScrollPane(box);
    private final Label empty = new Label("Select an instance to see every field, its history, its audit trail and its actions.");
    private final TextField id = new TextField();
    private final Label chip = new Label();
    private final Label badge = new Label();
    private final Label facts = new Label();
    /** The last error, folded when long (it may be megabytes): shown apart from the facts, with Show all and Copy. */
    private final VBox lastError = new VBox();
    private final Label lastErrorText = new Label();
    private String shownError;
    private String errorOf;
    private final DetailCharts charts;
    private final FlowPane buttons = new FlowPane(6, 6);
    private final Label result = new Label();
    private final Label readOnlyNote = new Label();
    private final VBox problems = new VBox(2);
    private final FieldsGrid fields = new FieldsGrid();
    private final AuditTrailView audit = new AuditTrailView();
    /** The pane's parts while an instance is shown; built on the first selection (the TilesFX gauges are costly). */
    private java.util.List<javafx.scene.Node> content;
    private String shownId;
    private InstanceState shownState;

    /** {@code palette}: the theme's colours, which the gauges and sparklines follow. */
    public DetailPane(FleetViewModel vm, ConsoleServices services, ActionController actions, Consumer<Runnable> fx,
                      ObservableValue<Palette> palette) {
        this.vm = vm;
        this.charts = new DetailCharts(palette);
        this.services = services;
        this.actions = actions;
        this.fx = fx;
        box.getStyleClass().add("detail");
        box.setId("detail");
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(420);
        scroll.setMinWidth(360);
        id.setEditable(false);
        id.setId("detail-id");
        id.getStyleClass().addAll("mono", "title");
        chip.getStyleClass().add("chip");
        badge.getStyleClass().add("badge");
        chip.setId("detail-state");
        badge.setId("detail-health");
        lastErrorText.setId("detail-last-error");
        lastErrorText.setWrapText(true);
        lastErrorText.getStyleClass().add("last-error");
        empty.setWrapText(true);
        empty.getStyleClass().add("muted");
        result.setId("action-result");
        result.setWrapText(true);
        readOnlyNote.setId("read-only-note");
        readOnlyNote.getStyleClass().add("read-only");
        readOnlyNote.setWrapText(true);
        readOnlyNote.textProperty().bind(actions.readOnlyReason());
        readOnlyNote.visibleProperty().bind(actions.readOnly());
        readOnlyNote.managedProperty().bind(actions.readOnly());
        buttons.setId("action-buttons");
        box.getChildren().setAll(empty);
        vm.selection().focused().addListener((o, a, f) -> show(true));
        vm.dataVersion().addListener(o -> {
            if (shownId != null && vm.changedInLastBatch(shownId)) {
                show(false);
            }
        });
        vm.now().addListener(o -> {
            history();
            Instance shown = shownId == null ? null : vm.get(shownId);
            if (shown != null) {
                charts.fade(looksLive(shown));
            }
        });
        actions.readOnly().addListener(o -> show(false));
        vm.brokerNames().version().addListener(o -> show(false));
        actions.pending().addListener(o -> show(false));
        actions.completed().addListener(o -> loadAudit());
        actions.lastResult().addListener((o, a, r) -> {
            result.setText(r == null ? "" : r.text());
            result.getStyleClass().removeAll("result-ok", "result-bad");
            if (r != null) {
                result.getStyleClass().add(r.ok() ? "result-ok" : "result-bad");
            }
        });
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }

    /** Recent data on a live connection: anything else must not look live. */
    private boolean looksLive(Instance i) {
        return i.freshness(vm.policy(), vm.now().get()).looksLive()
                && vm.stats().get() != null && vm.stats().get().current(i.id());
    }

    private void show(boolean focusChanged) {
        String focused = vm.selection().focused().get();
        Instance i = focused == null ? null : vm.get(focused);
        if (i == null) {
            shownId = null;
            box.getChildren().setAll(empty);
            return;
        }
        if (content == null) {
            content = new java.util.ArrayList<>(List.of(id, new HBox(8, chip, badge), facts, lastError));
            content.addAll(charts.nodes());
            content.addAll(List.of(section("Actions"), buttons, readOnlyNote, result, section("Problems"), problems,
                    section("Fields (raw, as stored)"), fields, section("Audit trail"), audit.node()));
        }
        if (box.getChildren().size() == 1) {
            box.getChildren().setAll(content);
        }
        boolean newInstance = !i.id().equals(shownId);
        shownId = i.id();
        id.setText(i.id());
        LookLabels.show(chip, Looks.state(i));
        LookLabels.show(badge, Looks.health(i));
        var s = i.state();
        facts.setText("broker " + (i.brokerOrNull() == null ? "?" : vm.brokerNames().withId(i.brokerOrNull()))
                + "\n" + (s == null || s.launchMode() == null ? "launch mode ?" : s.launchMode().wire())
                + " · " + (s == null || s.activeConnections() == null ? "? connections"
                        : s.activeConnections() + (s.activeConnections() == 1 ? " connection" : " connections"))
                + " · restarts " + (i.restartsOrNull() == null ? "?" : i.restartsOrNull())
                + " · up " + (i.uptimeOrNull() == null ? "?" : Format.duration(i.uptimeOrNull()))
                + "\nlast update " + Format.age(i.lastTrusted(vm.policy(), vm.now().get()), vm.now().get()) + " (" + i.freshness(vm.policy(), vm.now().get()).wire() + ")");
        facts.setWrapText(true);
        showLastError(i.lastError());
        charts.show(i, looksLive(i));
        if (newInstance || i.stateOrNull() != shownState || focusChanged) {
            shownState = i.stateOrNull();
        }
        buttons(i);
        problems.getChildren().setAll(problemLines(i.problems()));
        fields.show(i);
        if (newInstance) {
            result.setText("");
            history();
            loadAudit();
        }
    }

    private void showLastError(String error) {
        String text = error == null || error.isEmpty() ? null : error;
        if (java.util.Objects.equals(text, shownError) && java.util.Objects.equals(shownId, errorOf)) {
            return; // the same text: keep the links the operator may be about to click
        }
        shownError = text;
        errorOf = shownId;
        lastError.getChildren().setAll(text == null ? List.of() : List.of(LongText.view(lastErrorText, "last error: ", text, "last_error of " + shownId)));
    }

    /** At most {@link #MAX_PROBLEMS} lines, then how many more (a set name or an id may be long; each line is clipped). */
    private List<Node> problemLines(List<Problem> all) {
        if (all.isEmpty()) {
            return List.of(new Label("none"));
        }
        List<Node> lines = new java.util.ArrayList<>(all.stream().limit(MAX_PROBLEMS).map(this::problem).toList());
        if (all.size() > MAX_PROBLEMS) {
            lines.add(new Label("… and " + (all.size() - MAX_PROBLEMS) + " more"));
        }
        return lines;
    }

    private Node problem(Problem p) {
        Label l = new Label(LongText.clip(p.code() + "  " + (p.field() == null ? p.key() : p.field()) + ": " + p.message(), LongText.INLINE));
        l.getStyleClass().add("problem");
        l.setWrapText(true);
        return l;
    }

    private void buttons(Instance i) {
        buttons.getChildren().clear();
        InstanceState from = i.stateOrNull();
        for (InstanceState to : services.table().targets(from)) {
            Button b = new Button(ActionLabels.button(from, to));
            b.setId("action-" + to.wire());
            b.getStyleClass().add("action-button");
            b.setDisable(actions.readOnly().get() || actions.pending().get());
            b.setOnAction(e -> actions.request(List.of(i.id()), to));
            buttons.getChildren().add(b);
        }
        if (buttons.getChildren().isEmpty()) {
            buttons.getChildren().add(new Label(from == null ? "No actions: the state is not a known one." : "No transitions from " + from.wire() + "."));
        }
        Button rename = new Button("Rename broker…");
        rename.setId("rename-broker");
        rename.getStyleClass().add("action-button");
        rename.setDisable(actions.readOnly().get() || actions.pending().get() || i.rawBrokerId() == null);
        rename.setOnAction(e -> vm.brokerNames().askRename(i.rawBrokerId()));
        buttons.getChildren().add(rename);
    }

    private void history() {
        if (shownId == null) {
            return;
        }
        charts.history(services.feed().history(shownId), vm.get(shownId));
    }

    private void loadAudit() {
        String forId = shownId;
        if (forId == null) {
            return;
        }
        audit.message("loading…");
        services.auditTrail().apply(forId).whenCompleteAsync((entries, error) -> {
            if (!forId.equals(shownId)) {
                return;
            }
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                audit.message("audit trail unavailable: " + cause.getMessage());
            } else {
                audit.show(entries);
            }
        }, fx::accept);
    }

    public Node node() {
        return scroll;
    }
}
