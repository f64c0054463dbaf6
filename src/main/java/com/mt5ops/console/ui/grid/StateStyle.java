package com.mt5ops.console.ui.grid;

import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.InstanceState;
import javafx.scene.control.Label;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** Icon, word and style class for states and health: never colour alone. */
public final class StateStyle {
    private static final String[] STATES = {"running", "stopped", "crashed", "restarting", "unknown"};
    private static final String[] HEALTHS = {"healthy", "warning", "critical", "unknown"};

    private StateStyle() {
    }

    /** Styles a state chip; {@code raw} is shown when the value is not a known state. */
    public static void chip(Label chip, InstanceState state, String raw) {
        String cls = state == null ? "unknown" : state.wire();
        pseudo(chip, STATES, cls);
        chip.setText(state == null ? (raw == null ? "NO STATE" : "? " + raw) : state.wire().toUpperCase());
        icon(chip, stateIcon(state));
    }

    public static void badge(Label badge, HealthStatus health, String raw) {
        String cls = health == null ? "unknown" : health.wire();
        pseudo(badge, HEALTHS, cls);
        badge.setText(health == null ? (raw == null ? "no health" : "? " + raw) : health.wire());
        icon(badge, healthIcon(health));
    }

    /**
     * Sets exactly one of {@code names} as a pseudo-class: pseudo-class changes restyle cheaply, while style-class
     * changes make JavaFX re-match CSS for the whole subtree.
     */
    public static void pseudo(javafx.scene.Node node, String[] names, String on) {
        for (String n : names) {
            node.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(n), n.equals(on));
        }
    }

    /** Swaps the icon only when it differs: new nodes force a layout pass. */
    private static void icon(Label label, Ikon ikon) {
        if (label.getGraphic() instanceof FontIcon f && f.getIconCode() == ikon) {
            return;
        }
        label.setGraphic(new FontIcon(ikon));
    }

    static Ikon stateIcon(InstanceState s) {
        if (s == null) {
            return MaterialDesignH.HELP_CIRCLE;
        }
        return switch (s) {
            case RUNNING -> MaterialDesignP.PLAY_CIRCLE;
            case STOPPED -> MaterialDesignS.STOP_CIRCLE;
            case CRASHED -> MaterialDesignC.CLOSE_OCTAGON;
            case RESTARTING -> MaterialDesignR.RESTART;
        };
    }

    static Ikon healthIcon(HealthStatus h) {
        if (h == null) {
            return MaterialDesignH.HELP_CIRCLE_OUTLINE;
        }
        return switch (h) {
            case HEALTHY -> MaterialDesignC.CHECK_CIRCLE;
            case WARNING -> MaterialDesignA.ALERT;
            case CRITICAL -> MaterialDesignA.ALERT_OCTAGON;
        };
    }
}
