package com.mt5ops.console.ui.actions;

import com.mt5ops.console.model.BrokerNameRules;
import com.mt5ops.console.ui.fleet.BrokerNames;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for a broker's new shared name and the reason: the id, the name now (escaped), the rules a name must follow
 * (OK waits until it does and differs from the current one; empty removes the name).
 */
final class RenameDialog {
    /** What the operator asked for: {@code name} empty removes the name. */
    record Answer(String name, String reason) {
    }

    private RenameDialog() {
    }

    /** {@code current}: the name stored now, or null; {@code instances}: how many instances the window shows for it. */
    static Optional<Answer> show(Window owner, String brokerId, String current, int instances) {
        Dialog<String> d = ConfirmDialogs.base(owner, "Rename broker");
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Rename");
        d.setHeaderText("Name broker " + BrokerNames.bounded(brokerId, BrokerNameRules.MAX_ID_LENGTH));
        boolean writable = current == null || BrokerNameRules.problem(current).isEmpty();
        Label now = new Label((current == null ? "no name yet" : "now named '" + BrokerNames.bounded(current, BrokerNames.LONG) + "'")
                + " · " + instances + (instances == 1 ? " instance" : " instances") + " in view"
                + "\nThe name is shared: every console and snapshot shows it. Empty removes it.");
        now.setId("rename-now");
        TextField name = new TextField(writable && current != null ? current : "");
        name.setId("broker-name");
        name.setPromptText("e.g. ICMarkets live 3 (at most " + BrokerNameRules.MAX_LENGTH + " characters)");
        Label problem = new Label();
        problem.setId("broker-name-problem");
        problem.textProperty().bind(Bindings.createStringBinding(() -> BrokerNameRules.problem(name.getText().strip()).orElse(""),
                name.textProperty()));
        TextField reason = ConfirmDialogs.reasonField();
        String before = current == null ? "" : current;
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> BrokerNameRules.problem(name.getText().strip()).isPresent()
                || name.getText().strip().equals(before), name.textProperty()));
        d.getDialogPane().setContent(new VBox(8, now, new Label("Name:"), name, problem, new Label("Reason (for the audit trail):"), reason));
        d.setResultConverter(b -> b == ButtonType.OK ? reason.getText() : null);
        d.setOnShown(e -> Platform.runLater(() -> {
            name.requestFocus();
            name.selectAll();
        }));
        return d.showAndWait().map(r -> new Answer(name.getText().strip(), r));
    }
}
