package com.mt5ops.console.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the window opens: always inside the screen's visible bounds (never larger, never off-screen), filling them on
 * a laptop-sized screen and most of them on a large one. Nothing about it is remembered between runs, so a screen
 * that went away cannot leave the window out of sight.
 */
final class WindowBounds {
    /** Below this the window fills the visible bounds. */
    static final double SMALL_WIDTH = 1680;
    static final double SMALL_HEIGHT = 1000;
    /** The smallest size the layout is made for; on a smaller screen, the screen. */
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 640;

    private WindowBounds() {
    }

    /** The window's first bounds on a screen whose visible bounds are {@code visual}. */
    static Rectangle2D initial(Rectangle2D visual) {
        if (visual.getWidth() < SMALL_WIDTH || visual.getHeight() < SMALL_HEIGHT) {
            return visual;
        }
        double w = Math.floor(visual.getWidth() * 0.9);
        double h = Math.floor(visual.getHeight() * 0.9);
        return new Rectangle2D(visual.getMinX() + Math.floor((visual.getWidth() - w) / 2),
                visual.getMinY() + Math.floor((visual.getHeight() - h) / 2), w, h);
    }

    static boolean fills(Rectangle2D visual) {
        return initial(visual).equals(visual);
    }

    /** Places {@code stage} on the primary screen (before it is shown); returns its bounds. */
    static Rectangle2D place(Stage stage) {
        Rectangle2D visual = Screen.getPrimary().getVisualBounds();
        Rectangle2D at = initial(visual);
        stage.setX(at.getMinX());
        stage.setY(at.getMinY());
        stage.setWidth(at.getWidth());
        stage.setHeight(at.getHeight());
        stage.setMinWidth(Math.min(MIN_WIDTH, visual.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, visual.getHeight()));
        if (fills(visual)) {
            stage.setMaximized(true);
        }
        return at;
    }
}
