package com.mt5ops.console.ui.table;

import com.mt5ops.console.model.Freshness;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fx.Format;
import com.mt5ops.console.ui.fx.LongText;
import com.mt5ops.console.ui.look.Looks;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The compact view for very large fleets: one row per instance, same order, filters and selection as the grid;
 * grouped by broker, each broker's rows start under a rule.
 */
public final class FleetTable {
    private final TableView<String> table;
    private final FleetViewModel vm;
    private boolean syncing;

    public FleetTable(FleetViewModel vm) {
        this.vm = vm;
        table = new TableView<>(vm.visible());
        table.setId("fleet-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column("State", 95, i -> Looks.state(i).text());
        column("Health", 85, i -> Looks.health(i).text());
        column("Instance", 290, Instance::id);
        column("Broker", 140, i -> vm.brokerNames().label(i.rawBrokerId(), com.mt5ops.console.ui.fleet.BrokerNames.LONG));
        column("CPU", 60, i -> Format.percent(i.cpuOrNull()));
        column("Memory", 80, i -> Format.megabytes(i.memoryOrNull()));
        column("Restarts", 70, i -> i.restartsOrNull() == null ? "?" : i.restartsOrNull().toString());
        column("Data", 110, i -> {
            Freshness f = i.freshness(vm.policy(), vm.now().get());
            return (f == Freshness.FRESH ? "" : f.wire() + " ") + Format.age(i.lastTrusted(vm.policy(), vm.now().get()), vm.now().get());
        });
        column("Problems", 200, i -> i.problems().isEmpty() ? "" : i.problems().size() + ": " + i.problems().get(0).code());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                Instance i = empty || id == null ? null : vm.get(id);
                getStyleClass().removeAll("problem-row", "group-start");
                if (i != null && i.hasProblems()) {
                    getStyleClass().add("problem-row");
                }
                if (i != null && startsBrokerGroup(i, getIndex())) {
                    getStyleClass().add("group-start");
                }
            }
        });
        vm.dataVersion().addListener(o -> refreshIfShown());
        vm.now().addListener(o -> refreshIfShown());
        vm.brokerNames().version().addListener(o -> refreshIfShown());
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (syncing) {
                return;
            }
            var chosen = table.getSelectionModel().getSelectedItems();
            if (chosen.size() == 1) {
                vm.selection().only(chosen.get(0));
            } else if (chosen.size() > 1) {
                vm.selection().only(chosen.get(0));
                chosen.stream().skip(1).forEach(vm.selection()::toggle);
            }
        });
        table.setOnMouseEntered(e -> vm.pointerOverGrid().set(true));
        table.setOnMouseExited(e -> vm.pointerOverGrid().set(false));
        table.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> vm.pointerMoved());
    }

    /** Grouped by broker, a rule above each broker's first row (the grid gives each group a header card). */
    private boolean startsBrokerGroup(Instance i, int index) {
        if (vm.sort().get() != com.mt5ops.console.ui.fleet.SortOrder.BROKER || index <= 0 || index >= vm.visible().size()) {
            return false;
        }
        Instance above = vm.get(vm.visible().get(index - 1));
        return above != null && !java.util.Objects.equals(above.rawBrokerId(), i.rawBrokerId());
    }

    private void refreshIfShown() {
        if (table.getScene() != null) {
            table.refresh();
        }
    }

    private void column(String title, double width, Function<Instance, String> value) {
        TableColumn<String, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> {
            Instance i = vm.get(cell.getValue());
            return new ReadOnlyStringWrapper(i == null ? "" : LongText.clip(value.apply(i), LongText.INLINE));
        });
        table.getColumns().add(c);
    }

    public Node node() {
        return table;
    }
}
