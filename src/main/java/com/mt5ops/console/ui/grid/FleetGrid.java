package com.mt5ops.console.ui.grid;

import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.look.Palette;
import impl.org.controlsfx.skin.GridViewSkin;
import javafx.scene.Node;
import javafx.scene.control.skin.VirtualFlow;
import org.controlsfx.control.GridView;

/**
 * The virtualized grid of instance cards: only the visible cards exist, whatever the fleet size. Sorted by
 * broker, each broker's cards start a row behind a header card.
 */
public final class FleetGrid {
    private static final double GAP = 8;
    /** GridViewSkin keeps this much of the width for the scroll bar. */
    private static final double SCROLLBAR = 18;
    private final GridView<Object> view;
    private final GridItems items;

    /** {@code palette}: the theme's colours; the cards redraw when it changes. */
    public FleetGrid(FleetViewModel vm, javafx.beans.value.ObservableValue<Palette> palette) {
        items = new GridItems(vm);
        view = new GridView<>(items.items());
        view.setId("fleet-grid");
        view.setCellWidth(InstanceCard.WIDTH);
        view.setCellHeight(InstanceCard.HEIGHT);
        view.setHorizontalCellSpacing(GAP / 2);
        view.setVerticalCellSpacing(GAP / 2);
        view.setCellFactory(g -> new InstanceCell(vm, palette));
        view.setOnMouseEntered(e -> vm.pointerOverGrid().set(true));
        view.setOnMouseExited(e -> vm.pointerOverGrid().set(false));
        view.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> vm.pointerMoved());
        vm.visible().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (items.isGrouped()) {
                items.rebuild();
            }
        });
        vm.sort().addListener((o, a, b) -> {
            items.rebuild();
            view.setItems(items.items());
        });
        view.widthProperty().addListener((o, a, w) -> {
            spreadAcross(w.doubleValue());
            items.setColumns(columns(w.doubleValue()));
            if (items.isGrouped() && columns(w.doubleValue()) != columns(a.doubleValue())) {
                items.rebuild();
            }
        });
    }

    public Node node() {
        return view;
    }

    /** Cards per row at the current width (for arrow-key moves), as the grid's skin lays them out. */
    public int columns() {
        if (view.getSkin() instanceof GridViewSkin<?> skin) {
            return skin.computeMaxCellsInRow();
        }
        return columns(view.getWidth());
    }

    /**
     * Shares the width a row of whole cards leaves over among the gaps, so the cards spread over the grid instead of
     * leaving a strip on the right (the skin then still fits exactly {@link #columns(double)} per row).
     */
    private void spreadAcross(double width) {
        int columns = columns(width);
        double spare = Math.max(0, width - SCROLLBAR - columns * (InstanceCard.WIDTH + GAP) - 1);
        view.setHorizontalCellSpacing(GAP / 2 + spare / (2 * columns));
    }

    private static int columns(double width) {
        return Math.max(1, (int) Math.floor((width - SCROLLBAR) / (InstanceCard.WIDTH + GAP)));
    }

    /** The instance whose card is {@code rows} rows below (negative: above) the card of {@code id}, or null. */
    public String verticalNeighbour(String id, int rows) {
        int at = items.positionOf(id);
        if (at < 0 || !items.isGrouped()) {
            return null;
        }
        java.util.List<Object> all = items.items();
        int target = Math.max(0, Math.min(all.size() - 1, at + rows * columns()));
        if (target == at) {
            return null;
        }
        int step = rows > 0 ? 1 : -1;
        for (int k = target; k >= 0 && k < all.size(); k += step) { // past a header or filler, onwards
            if (k != at && all.get(k) instanceof String found) {
                return found;
            }
        }
        for (int k = target - step; k != at; k -= step) { // at the very end: the nearest card back towards here
            if (all.get(k) instanceof String found) {
                return found;
            }
        }
        return null;
    }

    /** Scrolls so the card of {@code id} is on screen. */
    public void reveal(String id) {
        int at = items.positionOf(id);
        if (at >= 0 && view.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(at / columns());
        }
    }
}
