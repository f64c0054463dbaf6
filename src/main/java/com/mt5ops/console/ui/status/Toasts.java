package com.mt5ops.console.ui.status;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Transient messages (an export's result, a burst of crashes) in the bottom-right corner of the fleet's area, above the
 * status bar and below the KPI tiles, so they never cover a trust signal or a count. Each hides by itself; at most
 * {@link #MAX_SHOWN} at once, the oldest leaving first.
 */
public final class Toasts {
    /** Whether a toast reports success, a failure, or news that needs a look. */
    public enum Kind { OK, BAD, ALERT }

    private static final int MAX_SHOWN = 3;
    private static final double WIDTH = 420;
    private final VBox stack = new VBox(8);

    public Toasts() {
        stack.setId("toasts");
        stack.setAlignment(Pos.BOTTOM_RIGHT);
        stack.setPickOnBounds(false);
        stack.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(stack, Pos.BOTTOM_RIGHT);
        setRightInset(0);
    }

    /** Room kept on the right (a drawer over the fleet's area). */
    public void setRightInset(double right) {
        StackPane.setMargin(stack, new Insets(0, 24 + right, 16, 0));
        if (stack.getParent() != null) {
            stack.getParent().requestLayout();
        }
    }

    /** Shows {@code text} under {@code title} (null: none) for {@code seconds}; a click on it runs {@code onClick} (null: none). */
    public Node show(String title, String text, Kind kind, double seconds, Runnable onClick) {
        VBox toast = new VBox(2);
        toast.getStyleClass().addAll("toast", "toast-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        toast.setMaxWidth(WIDTH);
        toast.setPrefWidth(WIDTH);
        Label body = new Label(text);
        body.getStyleClass().add("toast-text");
        body.setWrapText(true);
        Button close = new Button("✕");
        close.getStyleClass().add("toast-close");
        close.setFocusTraversable(false);
        close.setOnAction(e -> stack.getChildren().remove(toast));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label head = new Label(title == null ? "" : title);
        head.getStyleClass().add("toast-title");
        head.setWrapText(true);
        HBox top = new HBox(6, head, gap, close);
        top.setAlignment(Pos.TOP_LEFT);
        toast.getChildren().addAll(top, body);
        if (onClick != null) {
            toast.getStyleClass().add("toast-action");
            toast.setOnMouseClicked(e -> {
                onClick.run();
                stack.getChildren().remove(toast);
            });
        }
        stack.getChildren().add(toast);
        while (stack.getChildren().size() > MAX_SHOWN) {
            stack.getChildren().remove(0);
        }
        PauseTransition life = new PauseTransition(Duration.seconds(seconds));
        life.setOnFinished(e -> stack.getChildren().remove(toast));
        life.play();
        return toast;
    }

    public Node node() {
        return stack;
    }
}
