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

    FleetRow(FleetViewModel vm) {
        this.vm = vm;
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

    @Override
    protected void updateItem(String id, boolean empty) {
        super.updateItem(id, empty);
        Instance i = empty || id == null ? null : vm.get(id);
        getStyleClass().removeAll("faded", "group-start");
        LookLabels.roleClass(this, i == null ? null : Looks.state(i).role());
        if (i == null) {
            return;
        }
        boolean connectionCurrent = vm.stats().get() != null && vm.stats().get().state().isCurrent();
        if (!connectionCurrent || !i.freshness(vm.policy(), vm.now().get()).looksLive()) {
            getStyleClass().add("faded");
        }
        if (startsBrokerGroup(i, getIndex())) {
            getStyleClass().add("group-start");
        }
        if (tooltip != null && tooltip.isShowing()) {
            hint();
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
