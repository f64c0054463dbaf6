package com.mt5ops.console.ui.grid;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.ui.model.FleetViewModel;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.input.MouseButton;
import org.controlsfx.control.GridCell;

/** A grid cell showing one instance card; redraws when its instance changes, time passes or selection moves. */
final class InstanceCell extends GridCell<String> {
    private final FleetViewModel vm;
    private final InstanceCard card = new InstanceCard();
    private final InvalidationListener onData;
    private final InvalidationListener onAny = o -> redraw();
    /** What was last drawn; the grid skin calls updateItem on every layout pass, so unchanged cells must not redraw. */
    private Object[] drawn = new Object[0];

    InstanceCell(FleetViewModel vm) {
        this.vm = vm;
        this.onData = o -> {
            if (getItem() != null && vm.changedInLastBatch(getItem())) {
                redraw();
            }
        };
        vm.dataVersion().addListener(new WeakInvalidationListener(onData));
        vm.now().addListener(new WeakInvalidationListener(onAny));
        vm.selection().version().addListener(new WeakInvalidationListener(onAny));
        vm.stats().addListener(new WeakInvalidationListener(onAny));
        setOnMouseClicked(e -> {
            String id = getItem();
            if (id == null || e.getButton() != MouseButton.PRIMARY) {
                return;
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
    protected void updateItem(String id, boolean empty) {
        super.updateItem(id, empty);
        redraw();
    }

    private void redraw() {
        String id = getItem();
        Instance i = id == null || isEmpty() ? null : vm.get(id);
        if (i == null) {
            drawn = new Object[0];
            if (getGraphic() != null) {
                setGraphic(null);
            }
            return;
        }
        boolean live = vm.stats().get() != null && vm.stats().get().state().isCurrent();
        Object[] key = {i, vm.now().get(), vm.selection().version().get(), live};
        if (java.util.Arrays.equals(key, drawn) && getGraphic() == card) {
            return;
        }
        drawn = key;
        card.render(i, vm, vm.now().get(), live);
        if (getGraphic() != card) {
            setGraphic(card);
        }
    }
}
