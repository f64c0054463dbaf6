package com.mt5ops.console.ui;

import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.status.Toasts;
import javafx.animation.TranslateTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The window between the toolbar and the status bar: the fleet (grid or table) with its toasts, and the detail. On a
 * wide window the detail is a side pane; below {@link #NARROW} it is a drawer that slides in over the fleet from the
 * right when an instance is selected and goes when the selection is cleared (its ✕, or Esc).
 */
final class WindowBody {
    /** Below this width the detail is a drawer. */
    static final double NARROW = 1280;
    private static final double DRAWER_WIDTH = 460;
    private final FleetViewModel vm;
    private final Node detail;
    private final Toasts toasts;
    private final StackPane root = new StackPane();
    private final StackPane center;
    /** The grid or table and its empty-result note: what fades while the connection is not current. */
    private final StackPane fleet;
    private final SplitPane split = new SplitPane();
    private final VBox drawer = new VBox();
    private final HBox drawerBar;
    private final TranslateTransition slide;
    private final BooleanProperty narrow = new SimpleBooleanProperty();
    private final BooleanProperty drawerOpen = new SimpleBooleanProperty();
    private boolean laidOut;

    WindowBody(FleetViewModel vm, Node view, Node noMatch, Node detail, Toasts toasts) {
        this.vm = vm;
        this.detail = detail;
        this.toasts = toasts;
        fleet = new StackPane(view, noMatch);
        fleet.setId("fleet-area");
        fleet.setMinSize(0, 0);
        center = new StackPane(fleet, toasts.node());
        center.setMinSize(0, 0);
        root.setId("window-body");
        root.setMinSize(0, 0);
        SplitPane.setResizableWithParent(detail, false);
        Label title = new Label("Instance");
        title.getStyleClass().add("section");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button close = new Button("✕");
        close.setId("drawer-close");
        com.mt5ops.console.ui.fx.Hint.install(close, "Close (Esc): clears the selection");
        close.setOnAction(e -> vm.selection().clear());
        drawerBar = new HBox(8, title, gap, close);
        drawerBar.setAlignment(Pos.CENTER_LEFT);
        drawerBar.getStyleClass().add("drawer-bar");
        drawer.setId("detail-drawer");
        drawer.getStyleClass().add("drawer");
        StackPane.setAlignment(drawer, Pos.CENTER_RIGHT);
        slide = new TranslateTransition(Duration.millis(160), drawer);
        slide.setOnFinished(e -> drawer.setVisible(drawerOpen.get()));
        root.widthProperty().addListener((o, a, w) -> fit(w.doubleValue()));
        vm.selection().focused().addListener((o, a, id) -> drawerOpen.set(narrow.get() && id != null));
        narrow.addListener((o, a, n) -> drawerOpen.set(n && vm.selection().focused().get() != null));
        drawerOpen.addListener((o, a, open) -> slide(open));
        wide();
    }

    /** Side pane or drawer for {@code width}, and the drawer's width. */
    private void fit(double width) {
        boolean nowNarrow = width < NARROW;
        double drawerWidth = Math.min(DRAWER_WIDTH, Math.max(320, width - 120));
        drawer.setPrefWidth(drawerWidth);
        drawer.setMaxWidth(drawerWidth);
        if (!laidOut || nowNarrow != narrow.get()) {
            laidOut = true;
            if (nowNarrow) {
                narrowLayout();
            } else {
                wide();
                // the detail takes about a third of a wide window (420 to 600 px); the fleet gets the rest
                double side = Math.max(420, Math.min(600, width * 0.3));
                split.setDividerPositions(1 - side / width);
            }
            narrow.set(nowNarrow);
        }
        if (drawerOpen.get()) {
            toasts.setRightInset(drawerWidth);
        }
    }

    private void wide() {
        drawer.getChildren().setAll(drawerBar);
        root.getChildren().setAll(split);
        split.getItems().setAll(center, detail);
        toasts.setRightInset(0);
    }

    private void narrowLayout() {
        split.getItems().clear();
        VBox.setVgrow(detail, Priority.ALWAYS);
        drawer.getChildren().setAll(drawerBar, detail);
        drawer.setVisible(drawerOpen.get());
        drawer.setTranslateX(drawerOpen.get() ? 0 : drawer.getPrefWidth());
        root.getChildren().setAll(center, drawer);
    }

    private void slide(boolean open) {
        toasts.setRightInset(open ? drawer.getPrefWidth() : 0);
        slide.stop();
        if (open) {
            drawer.setVisible(true);
        }
        slide.setFromX(drawer.getTranslateX());
        slide.setToX(open ? 0 : drawer.getPrefWidth());
        slide.playFromStart();
    }

    /** Puts {@code view} (the grid or the table) where the fleet is shown. */
    void showView(Node view) {
        fleet.getChildren().set(0, view);
    }

    Node view() {
        return fleet.getChildren().get(0);
    }

    /** The fleet as shown, without the toasts and the detail (which must stay readable when the data is old). */
    Node fleet() {
        return fleet;
    }

    /** True while the detail is a drawer (a narrow window). */
    BooleanProperty narrow() {
        return narrow;
    }

    BooleanProperty drawerOpen() {
        return drawerOpen;
    }

    Node node() {
        return root;
    }
}
