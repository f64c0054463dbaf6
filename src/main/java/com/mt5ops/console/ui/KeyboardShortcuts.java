package com.mt5ops.console.ui;

import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.ui.actions.ActionController;
import com.mt5ops.console.ui.actions.ActionKeys;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.grid.FleetGrid;
import com.mt5ops.console.ui.toolbar.FleetToolbar;
import javafx.scene.Scene;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
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
    /** Where the keyboard goes back to: the fleet as shown now (the grid or the table). */
    private final Supplier<Node> view;

    KeyboardShortcuts(Scene scene, Stage stage, FleetViewModel vm, FleetGrid grid, FleetToolbar toolbar, ActionController actions,
                      Supplier<Node> view) {
        this.view = view;
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
        boolean typing = scene.getFocusOwner() instanceof TextInputControl t && t.isEditable();
        if (e.getCode() == KeyCode.ESCAPE) {
            escape(e);
            return;
        }
        if (typing) {
            if (e.getCode() == KeyCode.ENTER && !vm.visible().isEmpty()) {
                // Enter in the search: go to the first match
                view.get().requestFocus();
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

    /**
     * One press from anywhere: the keyboard back on the fleet (out of the search field, whose filter stays), the
     * selection cleared, and with it the detail drawer closed. An open drop-down keeps its own Esc (it closes).
     */
    private void escape(KeyEvent e) {
        if (scene.getFocusOwner() instanceof ComboBoxBase<?> box && box.isShowing()) {
            return;
        }
        if (scene.getFocusOwner() != view.get()) {
            view.get().requestFocus(); // back to the fleet, whatever had the keyboard (a toolbar button, the detail)
        }
        vm.selection().clear();
        e.consume();
    }

    private void help() {
        HelpOverlay.show(stage);
    }
}
