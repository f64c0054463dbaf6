package com.mt5ops.console.ui.detail;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.ui.actions.ActionController;
import com.mt5ops.console.ui.actions.ActionLabels;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/**
 * The action buttons the transition table allows from the shown state. They are off, with the reason in a line under
 * them, while the console is read-only, an action is in flight, or the connection is not current (LIVE or POLLING):
 * a change the console cannot see happen must not be offered.
 */
final class DetailActions {
    private final TransitionTable table;
    private final ActionController actions;
    private final FleetViewModel vm;
    private final FlowPane buttons = new FlowPane(6, 6);
    private final Label offNote = new Label();
    private final Label readOnlyNote = new Label();
    private final Label result = new Label();
    private final BooleanBinding off;

    DetailActions(FleetViewModel vm, TransitionTable table, ActionController actions) {
        this.table = table;
        this.actions = actions;
        this.vm = vm;
        this.off = actions.readOnly().or(actions.pending()).or(vm.connection().current().not());
        buttons.setId("action-buttons");
        result.setId("action-result");
        result.setWrapText(true);
        result.managedProperty().bind(result.textProperty().isNotEmpty()); // no gap under the buttons until there is a result
        offNote.setId("actions-off-note");
        offNote.getStyleClass().add("read-only");
        offNote.setWrapText(true);
        offNote.textProperty().bind(vm.connection().reason());
        offNote.visibleProperty().bind(vm.connection().current().not());
        offNote.managedProperty().bind(offNote.visibleProperty());
        readOnlyNote.setId("read-only-note");
        readOnlyNote.getStyleClass().add("read-only");
        readOnlyNote.setWrapText(true);
        readOnlyNote.textProperty().bind(actions.readOnlyReason());
        readOnlyNote.visibleProperty().bind(actions.readOnly());
        readOnlyNote.managedProperty().bind(actions.readOnly());
        actions.lastResult().addListener((o, a, r) -> {
            result.setText(r == null ? "" : r.text());
            result.getStyleClass().removeAll("result-ok", "result-bad");
            if (r != null) {
                result.getStyleClass().add(r.ok() ? "result-ok" : "result-bad");
            }
        });
    }

    /** The section title goes before these. */
    List<Node> nodes() {
        return List.of(buttons, offNote, readOnlyNote, result);
    }

    void show(Instance i, boolean newInstance) {
        if (newInstance) {
            result.setText("");
        }
        buttons.getChildren().clear();
        InstanceState from = i.stateOrNull();
        for (InstanceState to : table.targets(from)) {
            Button b = new Button(ActionLabels.button(from, to));
            b.setId("action-" + to.wire());
            b.getStyleClass().add("action-button");
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.disableProperty().bind(off);
            b.setOnAction(e -> actions.request(List.of(i.id()), to));
            buttons.getChildren().add(b);
        }
        if (buttons.getChildren().isEmpty()) {
            buttons.getChildren().add(new Label(from == null ? "No actions: the state is not a known one." : "No transitions from " + from.wire() + "."));
        }
        Button rename = new Button("Rename broker…");
        rename.setId("rename-broker");
        rename.getStyleClass().add("action-button");
        rename.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        rename.disableProperty().bind(i.rawBrokerId() == null ? javafx.beans.binding.Bindings.createBooleanBinding(() -> true) : off);
        rename.setOnAction(e -> vm.brokerNames().askRename(i.rawBrokerId()));
        buttons.getChildren().add(rename);
    }
}
