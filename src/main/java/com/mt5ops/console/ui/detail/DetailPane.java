package com.mt5ops.console.ui.detail;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.Problem;
import com.mt5ops.console.ui.actions.ActionController;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fx.LongText;
import com.mt5ops.console.ui.look.Palette;
import com.mt5ops.console.ui.services.ConsoleServices;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * The focused instance in full, what an operator acts on first at the top: header and data age, the actions the
 * transition table allows from its state, its audit trail, its problems, CPU and memory gauges (TilesFX) with their
 * history, and every raw field.
 */
public final class DetailPane {
    private static final int MAX_PROBLEMS = 50;
    /** The pane's own padding on each side (console.css, .detail). */
    private static final double PADDING = 10;
    private final FleetViewModel vm;
    private final ConsoleServices services;
    private final Consumer<Runnable> fx;
    private final VBox box = new VBox();
    private final ScrollPane scroll = new ScrollPane(box);
    private static final String NOTHING_SELECTED = "Select an instance to see every field, its history, its audit trail and its actions.";
    private final Label empty = new Label(NOTHING_SELECTED);
    private final DetailHeader header;
    private final DetailActions actionRow;
    private final DetailCharts charts;
    private final VBox problems = new VBox(2);
    private final FieldsGrid fields = new FieldsGrid();
    private final AuditTrailView audit = new AuditTrailView();
    /** The pane's parts while an instance is shown; built on the first selection (the TilesFX gauges are costly). */
    private List<Node> content;
    private String shownId;

    /** {@code palette}: the theme's colours, which the gauges and sparklines follow. */
    public DetailPane(FleetViewModel vm, ConsoleServices services, ActionController actions, Consumer<Runnable> fx,
                      ObservableValue<Palette> palette) {
        this.vm = vm;
        this.services = services;
        this.fx = fx;
        this.header = new DetailHeader(vm);
        this.actionRow = new DetailActions(vm, services.table(), actions);
        this.charts = new DetailCharts(palette);
        box.getStyleClass().add("detail");
        box.setId("detail");
        scroll.setFitToWidth(true);
        box.setMinWidth(0); // the pane's width rules: one wide part (an odd field name) must not widen every other
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(420);
        scroll.setMinWidth(340);
        charts.followWidth(scroll.viewportBoundsProperty(), 2 * PADDING);
        empty.setWrapText(true);
        empty.getStyleClass().add("muted");
        box.getChildren().setAll(empty);
        vm.selection().focused().addListener((o, a, f) -> show());
        vm.dataVersion().addListener(o -> {
            String focused = vm.selection().focused().get();
            if (focused != null && vm.changedInLastBatch(focused)) {
                show(); // changed, gone, or back
            }
        });
        vm.now().addListener(o -> tick());
        vm.stats().addListener(o -> tick());
        vm.visible().addListener((javafx.collections.ListChangeListener<String>) c -> tick());
        vm.brokerNames().version().addListener(o -> show()); // a broker renamed: the header names it
        actions.completed().addListener(o -> loadAudit());
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }

    /** Recent data on a live connection: anything else must not look live. */
    private boolean looksLive(Instance i) {
        return i.freshness(vm.policy(), vm.now().get()).looksLive()
                && vm.stats().get() != null && vm.stats().get().state().isCurrent();
    }

    /** Time passed or the connection changed: the age, the history and the gauges' strength follow. */
    private void tick() {
        Instance shown = shownId == null ? null : vm.get(shownId);
        if (shown != null) {
            header.tick(shown);
            charts.fade(looksLive(shown));
            history();
        }
    }

    private void show() {
        String focused = vm.selection().focused().get();
        Instance i = focused == null ? null : vm.get(focused);
        if (i == null) {
            shownId = null;
            empty.setText(focused == null ? NOTHING_SELECTED
                    : LongText.clip(focused, LongText.INLINE) + " is not in Redis any more (deleted, expired, or the server lost its data).");
            box.getChildren().setAll(empty);
            return;
        }
        if (content == null) {
            content = new ArrayList<>(header.nodes());
            content.add(section("Actions"));
            content.addAll(actionRow.nodes());
            content.addAll(List.of(section("Audit trail"), audit.node(), section("Problems"), problems, section("CPU and memory")));
            content.addAll(charts.nodes());
            content.addAll(List.of(section("Fields (raw, as stored)"), fields));
        }
        if (box.getChildren().size() == 1) {
            box.getChildren().setAll(content);
        }
        boolean newInstance = !i.id().equals(shownId);
        shownId = i.id();
        header.show(i);
        charts.show(i, looksLive(i));
        actionRow.show(i, newInstance);
        problems.getChildren().setAll(problemLines(i.problems()));
        fields.show(i);
        if (newInstance) {
            history();
            loadAudit();
            scroll.setVvalue(0);
        }
    }

    /** At most {@link #MAX_PROBLEMS} lines, then how many more (a set name or an id may be long; each line is clipped). */
    private List<Node> problemLines(List<Problem> all) {
        if (all.isEmpty()) {
            return List.of(new Label("none"));
        }
        List<Node> lines = new ArrayList<>(all.stream().limit(MAX_PROBLEMS).map(this::problem).toList());
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

    /** The id of the instance shown, or null. */
    public String shownId() {
        return shownId;
    }

    public Node node() {
        return scroll;
    }
}
