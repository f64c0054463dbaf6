package com.mt5ops.console.ui.table;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.look.Look;
import java.util.function.Function;
import com.mt5ops.console.ui.look.LookLabels;
import org.kordamp.ikonli.javafx.FontIcon;

/** A state or health cell: the same icon, word and colour as the card's chip and badge. */
final class LookCell extends LiveCell {
    private final FleetViewModel vm;
    private final Function<Instance, Look> look;

    LookCell(FleetViewModel vm, Function<Instance, Look> look) {
        super(vm);
        this.vm = vm;
        this.look = look;
        getStyleClass().addAll("look-cell", "badge");
    }

    @Override
    void show() {
        Instance i = isEmpty() || getItem() == null ? null : vm.get(getItem());
        Look shown = i == null ? null : look.apply(i);
        if (!java.util.Objects.equals(shown == null ? null : shown.text(), getText())) {
            setText(shown == null ? null : shown.text());
        }
        if (shown == null) {
            setGraphic(null);
        } else if (!(getGraphic() instanceof FontIcon f && f.getIconCode() == shown.icon())) {
            setGraphic(new FontIcon(shown.icon()));
        }
        LookLabels.roleClass(this, shown == null ? null : shown.role());
    }
}
