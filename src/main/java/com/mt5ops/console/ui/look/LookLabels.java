package com.mt5ops.console.ui.look;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;

/** Shows a {@link Look} on a Label (a state chip or a health badge): its icon, its text, and its role as a pseudo-class. */
public final class LookLabels {
    private LookLabels() {
    }

    public static void show(Label label, Look look) {
        roleClass(label, look.role());
        if (!look.text().equals(label.getText())) {
            label.setText(look.text());
        }
        // a new graphic forces a layout pass: swap it only when the icon differs
        if (!(label.getGraphic() instanceof FontIcon f && f.getIconCode() == look.icon())) {
            label.setGraphic(new FontIcon(look.icon()));
        }
    }

    /**
     * Sets {@code role} as the node's only role pseudo-class: pseudo-class changes restyle cheaply, while style-class
     * changes make JavaFX re-match CSS for the whole subtree.
     */
    public static void roleClass(Node node, Role role) {
        for (Role r : Role.values()) {
            node.pseudoClassStateChanged(PseudoClass.getPseudoClass(r.cssName()), r == role);
        }
    }
}
