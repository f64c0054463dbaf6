package com.mt5ops.console.ui.fx;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first comes over its node. Each tooltip is a popup window of its own, and a window
 * full of them cost a tenth of a second at start-up for hints that are mostly never shown. The text is clipped
 * ({@link LongText}): a tooltip is no place for a value of megabytes.
 */
public final class Hint {
    private Hint() {
    }

    public static void install(Node node, String text) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip.install(node, new Tooltip(LongText.clip(text, LongText.INLINE * 4)));
            }
        });
    }
}
