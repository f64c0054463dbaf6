package com.mt5ops.console.ui.actions;

import com.mt5ops.console.ui.fleet.Selection;
import com.mt5ops.console.ui.fx.Hint;
import javafx.scene.control.Label;

/** "3 selected": shown while several instances are selected, so an action key never surprises with its reach. */
final class SelectionChip {
    private SelectionChip() {
    }

    static Label of(Selection selection) {
        Label chip = new Label();
        chip.setId("selection-chip");
        chip.getStyleClass().addAll("chip", "selection-chip");
        chip.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("accent"), true); // the chip look of console.css
        chip.textProperty().bind(selection.count().asString("%d selected"));
        chip.visibleProperty().bind(selection.count().greaterThan(1));
        chip.managedProperty().bind(chip.visibleProperty());
        Hint.install(chip, "R, U, S and C act on every selected instance, each after a confirmation listing them · Esc clears");
        return chip;
    }
}
