package com.mt5ops.console.ui.table;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fleet.InstanceText;
import com.mt5ops.console.ui.fleet.SortOrder;
import com.mt5ops.console.ui.look.LookLabels;
import com.mt5ops.console.ui.look.Looks;
import java.util.Objects;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;

/**
 * One instance's row: tinted in its state's role (crashed red, restarting amber), faded when its data is stale or lost
 * or the connection is not current (as the cards are), a rule above a broker's first row when grouped, and a hint on
 * hover that ticks with the clock.
 */
final class FleetRow extends TableRow<String> {
    private final FleetViewModel vm;
    private Tooltip tooltip;
    private final javafx.beans.InvalidationListener onTick = o -> show();
    private final javafx.beans.InvalidationListener onData = o -> {
        if (getItem() != null && vm().changedInLastBatch(getItem())) {
            show();
        }
    };

    FleetRow(FleetViewModel vm) {
        this.vm = vm;
        vm.now().addListener(new javafx.beans.WeakInvalidationListener(onTick));
        vm.stats().addListener(new javafx.beans.WeakInvalidationListener(onTick));
        vm.dataVersion().addListener(new javafx.beans.WeakInvalidationListener(onData));
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            if (tooltip == null) {
                tooltip = new Tooltip();
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(420);
                tooltip.setShowDelay(javafx.util.Duration.millis(400));
                tooltip.setOnShowing(shown -> hint());
                setTooltip(tooltip);
            }
        });
    }

    private FleetViewModel vm() {
        return vm;
    }

    @Override
    protected void updateItem(String id, boolean empty) {
        super.updateItem(id, empty);
        show();
    }

    /** Its instance's looks as of now. */
    private void show() {
        Instance i = isEmpty() || getItem() == null ? null : vm.get(getItem());
        LookLabels.roleClass(this, i == null ? null : Looks.state(i).role());
        boolean connectionCurrent = vm.stats().get() != null && vm.stats().get().state().isCurrent();
        styleClass("faded", i != null && (!connectionCurrent || !i.freshness(vm.policy(), vm.now().get()).looksLive()));
        styleClass("group-start", i != null && startsBrokerGroup(i, getIndex()));
        if (i != null && tooltip != null && tooltip.isShowing()) {
            hint();
        }
    }

    /** Only on a change: a style class set anew restyles the whole row. */
    private void styleClass(String name, boolean on) {
        if (on != getStyleClass().contains(name)) {
            if (on) {
                getStyleClass().add(name);
            } else {
                getStyleClass().remove(name);
            }
        }
    }

    private void hint() {
        Instance i = getItem() == null ? null : vm.get(getItem());
        tooltip.setText(i == null ? "" : InstanceText.hint(i, vm.policy(), vm.now().get()));
    }

    /** Grouped by broker, a rule above each broker's first row (the grid gives each group a header card). */
    private boolean startsBrokerGroup(Instance i, int index) {
        if (vm.sort().get() != SortOrder.BROKER || index <= 0 || index >= vm.visible().size()) {
            return false;
        }
        Instance above = vm.get(vm.visible().get(index - 1));
        return above != null && !Objects.equals(above.rawBrokerId(), i.rawBrokerId());
    }
}
