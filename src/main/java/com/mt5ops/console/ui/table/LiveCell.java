package com.mt5ops.console.ui.table;

import com.mt5ops.console.ui.fleet.FleetViewModel;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.TableCell;

/**
 * A table cell that shows its instance as of now: it redraws itself when the clock ticks, the connection changes, or a
 * batch changed its instance, instead of the table rebuilding every cell every second.
 */
abstract class LiveCell extends TableCell<String, String> {
    private final InvalidationListener onTick = o -> show();
    private final InvalidationListener onData;

    LiveCell(FleetViewModel vm) {
        onData = o -> {
            if (getItem() != null && vm.changedInLastBatch(getItem())) {
                show();
            }
        };
        vm.now().addListener(new WeakInvalidationListener(onTick));
        vm.stats().addListener(new WeakInvalidationListener(onTick));
        vm.dataVersion().addListener(new WeakInvalidationListener(onData));
    }

    @Override
    protected final void updateItem(String id, boolean empty) {
        super.updateItem(id, empty);
        show();
    }

    /** Shows the cell's instance (or nothing) as of now. */
    abstract void show();
}
