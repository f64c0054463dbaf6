package com.mt5ops.console.ui.table;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fx.LongText;
import com.mt5ops.console.ui.look.LookLabels;
import com.mt5ops.console.ui.look.Role;
import java.util.function.Function;

/** A text cell of the table, its text clipped (values from Redis may be megabytes) and coloured in its role, if any. */
final class FleetCell extends LiveCell {
    private final FleetViewModel vm;
    private final Function<Instance, String> value;
    private final Function<Instance, Role> role;

    FleetCell(FleetViewModel vm, Function<Instance, String> value, Function<Instance, Role> role) {
        super(vm);
        this.vm = vm;
        this.value = value;
        this.role = role;
        getStyleClass().add("fleet-cell");
    }

    @Override
    void show() {
        Instance i = isEmpty() || getItem() == null ? null : vm.get(getItem());
        String text = i == null ? null : LongText.clip(value.apply(i), LongText.INLINE);
        if (!java.util.Objects.equals(text, getText())) {
            setText(text);
        }
        LookLabels.roleClass(this, i == null ? null : role.apply(i));
    }
}
