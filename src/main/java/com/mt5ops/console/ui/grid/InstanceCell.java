package com.mt5ops.console.ui.grid;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fleet.InstanceText;
import com.mt5ops.console.ui.look.Palette;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.input.MouseButton;
import org.controlsfx.control.GridCell;

/**
 * A grid cell showing one instance card (or, when grouped, a broker's header card or an empty slot); redraws when
 * its instance changes, time passes or selection moves.
 */
final class InstanceCell extends GridCell<Object> {
    private final FleetViewModel vm;
    private final InstanceCard card;
    private final GroupHeaderCard header;
    private javafx.scene.control.Tooltip tooltip; // made when the pointer first comes over the cell
    private javafx.scene.control.ContextMenu menu; // a header's, made on its first right-click
    private final InvalidationListener onData;
    private final InvalidationListener onAny = o -> redraw();
    private final InvalidationListener onTick = o -> {
        redraw();
        if (tooltip != null && tooltip.isShowing()) {
            tooltip.setText(hint(getItem())); // the data's age in the hint ticks too
        }
    };
    private final InvalidationListener onPalette;
    /** What was last drawn; the grid skin calls updateItem on every layout pass, so unchanged cells must not redraw. */
    private Object[] drawn = new Object[0];

    InstanceCell(FleetViewModel vm, javafx.beans.value.ObservableValue<Palette> palette) {
        this.vm = vm;
        this.card = new InstanceCard(palette.getValue());
        this.header = new GroupHeaderCard(palette.getValue());
        getStyleClass().add("instance-cell");
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            if (tooltip == null) {
                tooltip = new javafx.scene.control.Tooltip();
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(420);
                tooltip.setShowDelay(javafx.util.Duration.millis(400));
                tooltip.setOnShowing(shown -> tooltip.setText(hint(getItem())));
                setTooltip(isEmpty() || getItem() == null ? null : tooltip);
            }
        });
        this.onPalette = o -> {
            card.setPalette(palette.getValue());
            header.setPalette(palette.getValue());
            drawn = new Object[0];
            redraw();
        };
        palette.addListener(new WeakInvalidationListener(onPalette));
        this.onData = o -> {
            if (getItem() instanceof String id && vm.changedInLastBatch(id)) {
                redraw();
            }
        };
        vm.dataVersion().addListener(new WeakInvalidationListener(onData));
        vm.now().addListener(new WeakInvalidationListener(onTick));
        vm.selection().version().addListener(new WeakInvalidationListener(onAny));
        vm.brokerNames().version().addListener(new WeakInvalidationListener(onAny));
        vm.stats().addListener(new WeakInvalidationListener(onAny));
        setOnContextMenuRequested(e -> {
            if (getItem() instanceof GroupHeader g && g.broker() != null) {
                renameMenu(g.broker(), e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        setOnMouseClicked(e -> {
            if (getItem() instanceof GroupHeader g && g.broker() != null && e.getButton() == MouseButton.SECONDARY) {
                renameMenu(g.broker(), e.getScreenX(), e.getScreenY()); // where no context-menu event comes (one menu either way)
                return;
            }
            if (getItem() instanceof GroupHeader g && g.broker() != null && e.getButton() == MouseButton.PRIMARY) {
                vm.criteria().set(vm.criteria().get().withBroker(g.broker()));
                return;
            }
            if (!(getItem() instanceof String id) || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (getGridView() != null) {
                getGridView().requestFocus(); // out of the search field: the keys (Esc, arrows) act on the grid at once
            }
            if (e.isShortcutDown()) {
                vm.selection().toggle(id);
            } else if (e.isShiftDown()) {
                vm.selection().extendTo(id);
            } else {
                vm.selection().only(id);
            }
        });
    }

    @Override
    protected void updateItem(Object item, boolean empty) {
        super.updateItem(item, empty);
        redraw();
    }

    private void redraw() {
        Object item = isEmpty() ? null : getItem();
        if (item instanceof GroupHeader g) {
            redrawHeader(g);
            return;
        }
        Instance i = item instanceof String id ? vm.get(id) : null;
        if (i == null) {
            drawn = new Object[0];
            if (getGraphic() != null) {
                setGraphic(null);
            }
            setTooltip(null);
            return;
        }
        if (tooltip != null && getTooltip() != tooltip) {
            setTooltip(tooltip);
        }
        boolean live = vm.stats().get() != null && vm.stats().get().state().isCurrent();
        Object[] key = {i, vm.now().get(), vm.selection().version().get(), live, vm.brokerNames().version().get()};
        if (java.util.Arrays.equals(key, drawn) && getGraphic() == card) {
            return;
        }
        drawn = key;
        card.render(i, vm, vm.now().get(), live);
        if (getGraphic() != card) {
            setGraphic(card);
        }
    }

    private void redrawHeader(GroupHeader g) {
        Object[] key = {g, vm.now().get(), vm.dataVersion().get(), vm.brokerNames().version().get()};
        if (java.util.Arrays.equals(key, drawn) && getGraphic() == header) {
            return;
        }
        drawn = key;
        header.render(g, vm, vm.now().get());
        if (tooltip != null && getTooltip() != tooltip) {
            setTooltip(tooltip);
        }
        if (getGraphic() != header) {
            setGraphic(header);
        }
    }

    /** The header's menu: rename its broker (disabled where the console may not write). */
    private void renameMenu(String broker, double x, double y) {
        if (menu == null) {
            javafx.scene.control.MenuItem rename = new javafx.scene.control.MenuItem("Rename broker…");
            rename.setId("rename-broker-menu");
            menu = new javafx.scene.control.ContextMenu(rename);
        }
        javafx.scene.control.MenuItem rename = menu.getItems().get(0);
        rename.setDisable(!vm.brokerNames().editable().get());
        rename.setOnAction(e -> vm.brokerNames().askRename(broker));
        if (!menu.isShowing()) {
            menu.show(this, x, y);
        }
    }

    /** The tooltip's text for what the cell shows now: an instance's id, last error and problems, or a group's size. */
    private String hint(Object item) {
        if (item instanceof GroupHeader g) {
            return (g.broker() == null ? g.title() : vm.brokerNames().withId(g.broker())) + "\n" + g.ids().size() + " instances"
                    + (g.broker() == null ? "" : "\nclick to show only this broker · right-click to rename it");
        }
        Instance i = item instanceof String id ? vm.get(id) : null;
        return i == null ? "" : InstanceText.hint(i, vm.policy(), vm.now().get())
                + (i.rawBrokerId() == null ? "" : "\nbroker " + vm.brokerNames().withId(i.rawBrokerId()));
    }
}
