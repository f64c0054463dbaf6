package com.mt5ops.console.ui.grid;

import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fleet.SortOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the grid shows: the visible ids in order, and when sorted by broker a {@link GroupHeader} card that starts
 * each broker's group on a new row (the row before is padded with {@link #FILLER}s). Rebuilt when the visible
 * list, the order or the number of columns changes, never on data updates (cards redraw in place).
 */
final class GridItems {
    /** An empty slot that pads a group's last row. */
    static final Object FILLER = new Object() {
        @Override
        public String toString() {
            return "filler";
        }
    };

    private final FleetViewModel vm;
    private final ObservableList<Object> grouped = FXCollections.observableArrayList();
    private final Map<String, Integer> position = new HashMap<>();
    private int columns = 1;

    GridItems(FleetViewModel vm) {
        this.vm = vm;
    }

    boolean isGrouped() {
        return vm.sort().get() == SortOrder.BROKER;
    }

    /** The grid's items: the view model's own visible list when not grouped (no copy), else the grouped list. */
    @SuppressWarnings("unchecked")
    ObservableList<Object> items() {
        return isGrouped() ? grouped : (ObservableList<Object>) (ObservableList<?>) vm.visible();
    }

    void setColumns(int columns) {
        this.columns = Math.max(1, columns);
    }

    /** Recomputes the grouped list (only when grouped; costs one pass over the visible ids). */
    void rebuild() {
        position.clear();
        if (!isGrouped()) {
            grouped.clear();
            return;
        }
        List<Object> out = new ArrayList<>(vm.visible().size() + 64);
        List<String> group = new ArrayList<>();
        String broker = null;
        for (String id : vm.visible()) {
            var instance = vm.get(id);
            String b = instance == null ? null : instance.rawBrokerId();
            if (!group.isEmpty() && !Objects.equals(b, broker)) {
                close(out, broker, group);
            }
            broker = b;
            group.add(id);
        }
        if (!group.isEmpty()) {
            close(out, broker, group);
        }
        grouped.setAll(out);
    }

    private void close(List<Object> out, String broker, List<String> group) {
        while (out.size() % columns != 0) {
            out.add(FILLER);
        }
        out.add(new GroupHeader(broker, group));
        for (String id : group) {
            position.put(id, out.size());
            out.add(id);
        }
        group.clear();
    }

    /** Where the card of {@code id} sits in {@link #items()}, or -1. */
    int positionOf(String id) {
        if (!isGrouped()) {
            return vm.indexOf(id);
        }
        Integer at = position.get(id);
        return at == null ? -1 : at;
    }
}
