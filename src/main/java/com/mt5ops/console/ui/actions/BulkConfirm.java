package com.mt5ops.console.ui.actions;

import com.mt5ops.console.ui.actions.BulkPlan.Row;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Window;

/**
 * The confirmation of an action on several instances: every selected instance with its state now and the target,
 * those that changed since they were selected marked, those the transition table does not allow struck through with
 * why (they are skipped). OK waits until the operator types how many will be sent; the count field has the focus.
 */
final class BulkConfirm {
    private static final double ROW_HEIGHT = 48;

    private BulkConfirm() {
    }

    /** Returns the reason typed, or empty if cancelled. */
    static Optional<String> show(Window owner, BulkPlan plan) {
        int count = plan.sent().size();
        int changed = (int) plan.sent().stream().filter(Row::changed).count();
        String verb = ActionLabels.verb(plan.to());
        Dialog<String> d = ConfirmDialogs.base(owner, "Confirm: " + verb + " for " + count + " instances");
        ((Button) d.getDialogPane().lookupButton(ButtonType.OK)).setText(ConfirmDialogs.capitalized(verb) + " (" + count + ")");
        d.setHeaderText(ConfirmDialogs.capitalized(verb) + ": " + count + " of " + plan.rows().size() + " selected instances"
                + (count < plan.rows().size() ? "\n" + (plan.rows().size() - count) + " skipped: the transition table does not allow them" : "")
                + (changed > 0 ? "\n" + changed + " changed since you selected them: look before you confirm" : ""));
        ListView<Row> list = new ListView<>(FXCollections.observableArrayList(plan.rows()));
        list.setId("confirm-rows");
        list.setFixedCellSize(ROW_HEIGHT);
        list.setPrefHeight(Math.min(8, plan.rows().size()) * ROW_HEIGHT + 4);
        list.setPrefWidth(640);
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new RowCell());
        TextField typed = new TextField();
        typed.setId("confirm-count");
        typed.setPromptText("type " + count + " to confirm");
        TextField reason = ConfirmDialogs.reasonField();
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(typed.textProperty().isNotEqualTo(Integer.toString(count)));
        d.getDialogPane().setContent(new VBox(8, list,
                new Label("Each moves only if its state is still the one shown here."),
                new Label("Type the number of instances to " + verb + " (" + count + "):"), typed, new Label("Reason (for the audit trail):"), reason));
        d.setResultConverter(b -> b == ButtonType.OK ? reason.getText() : null);
        d.setOnShown(e -> Platform.runLater(typed::requestFocus));
        return d.showAndWait();
    }

    /** One row: id, broker and state → target; a change since selection in bold; a skipped row struck through, greyed. */
    private static final class RowCell extends ListCell<Row> {
        @Override
        protected void updateItem(Row r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Text what = new Text(r.id() + "  broker " + r.broker() + "\n" + r.now().describe() + " → " + r.to().wire()
                    + (r.changed() ? "   (" + r.changeNote() + ")" : "") + (r.sent() ? "" : "   skipped: " + r.skip()));
            what.setStrikethrough(!r.sent());
            what.fillProperty().bind(textFillProperty()); // the theme's text colour, as the dialog has it
            what.setOpacity(r.sent() ? 1 : 0.55); // greyed
            if (r.changed()) {
                what.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize()));
            }
            what.setId("confirm-row-" + r.id());
            what.getStyleClass().add(r.sent() ? (r.changed() ? "bulk-changed" : "bulk-sent") : "bulk-skipped");
            setText(null);
            setGraphic(what);
            setAccessibleText(what.getText());
        }
    }
}
