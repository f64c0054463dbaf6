package com.mt5ops.console.ui.grid;

import com.mt5ops.console.ui.fleet.FleetViewModel;
import javafx.scene.Node;
import javafx.scene.control.skin.VirtualFlow;
import org.controlsfx.control.GridView;

/** The virtualized grid of instance cards: only the visible cards exist, whatever the fleet size. */
public final class FleetGrid {
    private static final double GAP = 8;
    private final GridView<String> view;

    private final javafx.beans.property.ObjectProperty<CardPalette> palette = new javafx.beans.property.SimpleObjectProperty<>(CardPalette.dark());

    public FleetGrid(FleetViewModel vm) {
        view = new GridView<>(vm.visible());
        view.setId("fleet-grid");
        view.setCellWidth(InstanceCard.WIDTH);
        view.setCellHeight(InstanceCard.HEIGHT);
        view.setHorizontalCellSpacing(GAP / 2);
        view.setVerticalCellSpacing(GAP / 2);
        view.setCellFactory(g -> new InstanceCell(vm, palette));
        view.setOnMouseEntered(e -> vm.pointerOverGrid().set(true));
        view.setOnMouseExited(e -> vm.pointerOverGrid().set(false));
        view.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> vm.pointerMoved());
    }

    /** Switches the cards' colours with the theme. */
    public void setPalette(CardPalette p) {
        palette.set(p);
    }

    public Node node() {
        return view;
    }

    /** Cards per row at the current width (for arrow-key moves). */
    public int columns() {
        double cell = InstanceCard.WIDTH + GAP;
        return Math.max(1, (int) Math.floor((view.getWidth() - 16) / cell));
    }

    /** Scrolls so the card at {@code index} (in visible order) is on screen. */
    public void reveal(int index) {
        if (index >= 0 && view.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index / columns());
        }
    }
}
