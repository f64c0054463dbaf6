package com.mt5ops.console.ui;

import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.ui.actions.ActionController;
import com.mt5ops.console.ui.actions.ActionKeys;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.grid.FleetGrid;
import com.mt5ops.console.ui.toolbar.FleetToolbar;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The window's keyboard: `/` search, arrows move the selection, R U S C the actions ({@link ActionKeys}), F problems
 * only, Esc, ? help.
 */
final class KeyboardShortcuts {
    private final Scene scene;
    private final Stage stage;
    private final FleetViewModel vm;
    private final FleetGrid grid;
    private final FleetToolbar toolbar;
    private final ActionController actions;

    KeyboardShortcuts(Scene scene, Stage stage, FleetViewModel vm, FleetGrid grid, FleetToolbar toolbar, ActionController actions) {
        this.scene = scene;
        this.stage = stage;
        this.vm = vm;
        this.grid = grid;
        this.toolbar = toolbar;
        this.actions = actions;
    }

    /** Listens on the scene (once). */
    void install() {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::pressed);
        // `/` by the character typed (any keyboard layout), consumed so that it does not land in the search field
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("/".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                toolbar.focusSearch();
                e.consume();
            }
        });
    }

    private void pressed(KeyEvent e) {
        boolean typing = scene.getFocusOwner() instanceof TextInputControl;
        if (e.getCode() == KeyCode.ESCAPE) {
            if (typing) {
                grid.node().requestFocus();
            } else {
                vm.selection().clear();
            }
            return;
        }
        if (typing) {
            if (e.getCode() == KeyCode.ENTER && !vm.visible().isEmpty()) {
                // Enter in the search: go to the first match
                grid.node().requestFocus();
                vm.selection().only(vm.visible().get(0));
                grid.reveal(vm.visible().get(0));
                e.consume();
            }
            return;
        }
        InstanceState target = ActionKeys.target(e.getCode());
        if (target != null && !e.isShortcutDown() && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()) {
            actions.requestForSelection(target); // R U S C: each only where the transition table allows it
            e.consume();
            return;
        }
        switch (e.getCode()) {
            case F -> toolbar.toggleProblemsOnly();
            case LEFT -> move(-1);
            case RIGHT -> move(1);
            case UP -> moveRows(-1);
            case DOWN -> moveRows(1);
            case ENTER -> {
                if (vm.selection().focused().get() == null) {
                    move(0);
                }
            }
            case F1 -> help();
            default -> {
                if ("?".equals(e.getText())) {
                    help();
                } else {
                    return;
                }
            }
        }
        e.consume();
    }

    private void move(int delta) {
        vm.selection().move(delta);
        grid.reveal(vm.selection().focused().get());
    }

    /** Up and down go to the card drawn above or below (grouped rows included). */
    private void moveRows(int rows) {
        String from = vm.selection().focused().get();
        String to = from == null ? null : grid.verticalNeighbour(from, rows);
        if (to == null) {
            move(from == null ? 0 : rows * grid.columns());
            return;
        }
        vm.selection().only(to);
        grid.reveal(to);
    }

    private void help() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        List<String> rows = new java.util.ArrayList<>(List.of(
                "/        search (id, broker name or id, error text)",
                "arrows   move the selection",
                "Enter    select the first instance",
                "click    select · Ctrl+click add · Shift+click range"));
        ActionKeys.helpRows().forEach(r -> rows.add(String.format("%-9s%s", r[0], r[1])));
        rows.add("         (on the selection; several: a confirmation lists each, what the table forbids is skipped)");
        rows.addAll(List.of(
                "F        problems only",
                "Esc      clear selection / leave search",
                "?        this help"));
        a.setContentText(String.join("\n", rows));
        a.show();
    }
}
