package com.mt5ops.console.ui;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/** The keyboard help (? or F1): keys and what they do in two aligned columns, in the window's theme. */
final class HelpOverlay {
    private static final List<String[]> KEYS = keys();

    private static List<String[]> keys() {
        List<String[]> k = new java.util.ArrayList<>(List.of(
            new String[] {"/", "search (id, broker name or id, error text)"},
            new String[] {"Enter in the search", "select the first match"},
            new String[] {"arrows", "move the selection"},
            new String[] {"Enter", "select the first instance"},
            new String[] {"click", "select"},
            new String[] {"Ctrl+click", "add to the selection"},
            new String[] {"Shift+click", "select a range"}));
        k.addAll(com.mt5ops.console.ui.actions.ActionKeys.helpRows());
        k.add(new String[] {"", "(on the selection; for several, a confirmation lists each; what the table forbids is skipped)"});
        k.addAll(List.of(
            new String[] {"F", "problems only"},
            new String[] {"Esc", "leave the search, clear the selection, close the detail drawer"},
            new String[] {"? or F1", "this help"}));
        return List.copyOf(k);
    }

    private HelpOverlay() {
    }

    static Alert show(Stage owner) {
        GridPane grid = new GridPane();
        grid.setId("help-keys");
        grid.getStyleClass().add("help-keys");
        grid.setHgap(18);
        grid.setVgap(4);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(keys, new ColumnConstraints());
        for (int row = 0; row < KEYS.size(); row++) {
            Label key = new Label(KEYS.get(row)[0]);
            key.getStyleClass().addAll("key", "mono");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(KEYS.get(row)[1]);
            what.setWrapText(true);
            grid.addRow(row, key, what);
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.getDialogPane().setContent(grid);
        a.getDialogPane().setId("help-dialog");
        if (owner.getScene() != null) {
            a.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        a.show();
        return a;
    }
}
