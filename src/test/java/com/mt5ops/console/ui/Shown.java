package com.mt5ops.console.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;

/** What the operator actually sees of a node: on screen, inside the window and any scrolling viewport, its text whole. */
final class Shown {
    private Shown() {
    }

    /** Why {@code n} is not shown whole, or null when it is (FX thread). */
    static String problem(Node n) {
        if (n == null || n.getScene() == null) {
            return "not in the window";
        }
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return "hidden (" + at + ")";
            }
            if (at.getOpacity() == 0) {
                return "transparent (" + at + ")";
            }
        }
        Bounds b = n.localToScene(n.getLayoutBounds()); // what is laid out, not a drop shadow around it
        double w = n.getScene().getWidth();
        double h = n.getScene().getHeight();
        if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > w + 0.5 || b.getMaxY() > h + 0.5) {
            return "outside the " + w + "x" + h + " window: " + b;
        }
        for (Parent at = n.getParent(); at != null; at = at.getParent()) {
            if (at instanceof ScrollPane scroll && scroll.getContent() != null) {
                Node viewport = scroll.lookup(".viewport");
                Bounds v = viewport == null ? scroll.localToScene(scroll.getBoundsInLocal()) : viewport.localToScene(viewport.getBoundsInLocal());
                if (b.getMinY() < v.getMinY() - 0.5 || b.getMaxY() > v.getMaxY() + 0.5 || b.getMinX() < v.getMinX() - 0.5 || b.getMaxX() > v.getMaxX() + 0.5) {
                    return "scrolled out of sight: " + b + " outside " + v;
                }
            }
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Node drawn = l.lookup(".text");
            String text = drawn instanceof Text t ? t.getText() : null;
            if (!l.getText().equals(text)) {
                return "text cut: shows '" + text + "' of '" + l.getText() + "'";
            }
        }
        return null;
    }
}
