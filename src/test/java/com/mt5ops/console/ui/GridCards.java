package com.mt5ops.console.ui;

import static com.mt5ops.console.ui.ConsoleHarness.fx;
import static com.mt5ops.console.ui.ConsoleHarness.waitFor;

import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import org.testfx.api.FxRobot;

/** The grid's cards as a user finds them: the visible cell that shows an instance. */
final class GridCards {
    private GridCards() {
    }

    /** Whether {@code cell} is a visible grid cell showing instance {@code id}. */
    static boolean shows(Node cell, String id) {
        return cell instanceof IndexedCell<?> c && id.equals(c.getItem()) && cell.isVisible();
    }

    /** The card showing {@code id}, once the grid shows it (within {@code seconds}). */
    static Node card(FxRobot robot, String id, int seconds) {
        waitFor(seconds, () -> robot.lookup(".instance-cell").queryAll().stream().anyMatch(n -> shows(n, id)), "card for " + id);
        return fx(() -> robot.lookup(".instance-cell").queryAll().stream().filter(n -> shows(n, id)).findFirst().orElseThrow());
    }
}
