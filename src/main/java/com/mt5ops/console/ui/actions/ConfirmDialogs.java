package com.mt5ops.console.ui.actions;

import com.mt5ops.console.model.InstanceState;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The confirmation in front of a single write (it names the instance, its broker and the change), and the parts every
 * confirmation shares.
 */
final class ConfirmDialogs {
    private ConfirmDialogs() {
    }

    /** Returns the reason typed, or empty if cancelled. */
    static Optional<String> single(Window owner, String id, String broker, String from, InstanceState to, String transitionName) {
        Dialog<String> d = base(owner, "Confirm: " + ActionLabels.verb(to));
        ((javafx.scene.control.Button) d.getDialogPane().lookupButton(ButtonType.OK)).setText(capitalized(ActionLabels.verb(to)));
        d.setHeaderText(capitalized(ActionLabels.verb(to)) + " for instance " + id);
        TextField reason = reasonField();
        Label what = new Label("broker " + (broker == null ? "—" : broker) + "\n" + from + " → " + to.wire()
                + (transitionName == null ? "" : "  (" + transitionName + ")")
                + (to == InstanceState.RESTARTING ? "\nrestart_count + 1" : ""));
        what.setId("confirm-what");
        d.getDialogPane().setContent(new VBox(8, what, new Label("Reason (for the audit trail):"), reason));
        d.setResultConverter(b -> b == ButtonType.OK ? reason.getText() : null);
        javafx.application.Platform.runLater(reason::requestFocus);
        return d.showAndWait();
    }

    static Dialog<String> base(Window owner, String title) {
        Dialog<String> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).setId("confirm-ok");
        d.getDialogPane().setId("confirm-dialog");
        return d;
    }

    static String capitalized(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase() + s.substring(1);
    }

    static TextField reasonField() {
        TextField reason = new TextField();
        reason.setId("reason");
        reason.setPromptText("why (optional)");
        return reason;
    }
}
