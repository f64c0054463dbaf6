package com.mt5ops.console.ui.table;

import com.mt5ops.console.model.Freshness;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fleet.InstanceText;
import com.mt5ops.console.ui.fx.Format;
import com.mt5ops.console.ui.look.Look;
import com.mt5ops.console.ui.look.Looks;
import com.mt5ops.console.ui.look.Role;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The compact view for very large fleets: one row per instance, same order, filters and selection as the grid, and the
 * same looks: state and health in their colours, rows of stale or lost data (or under a connection that is not
 * current) faded, what needs attention named. Grouped by broker, each broker's rows start under a rule.
 */
public final class FleetTable {
    private static final Font HEADER = Font.font("System", FontWeight.BOLD, 13);
    private final TableView<String> table;
    private final FleetViewModel vm;
    private boolean syncing;

    public FleetTable(FleetViewModel vm) {
        this.vm = vm;
        table = new TableView<>(vm.visible());
        table.setId("fleet-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        lookColumn("State", 120, Looks::state);
        lookColumn("Health", 110, Looks::health);
        column("Instance", 290, Instance::id, i -> null);
        column("Broker", 100, i -> Format.shortId(i.rawBrokerId()), i -> null);
        column("CPU", 60, i -> Format.percent(i.cpuOrNull()), i -> null);
        column("Memory", 80, i -> Format.megabytes(i.memoryOrNull()), i -> null);
        column("Restarts", 80, i -> i.restartsOrNull() == null ? "?" : i.restartsOrNull().toString(), i -> null);
        column("Data", 120, i -> InstanceText.dataAge(i, vm.policy(), vm.now().get()), this::ageRole);
        column("Problems", 260, i -> String.join(" · ", InstanceText.problems(i, vm.policy(), vm.now().get())), this::problemRole);
        table.setRowFactory(t -> new FleetRow(vm));
        vm.dataVersion().addListener(o -> refreshIfShown());
        vm.now().addListener(o -> refreshIfShown());
        vm.stats().addListener(o -> refreshIfShown());
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
        // the other way: Esc, the grid or a notification changed the selection
        vm.selection().version().addListener(o -> followSelection());
        table.setOnMouseEntered(e -> vm.pointerOverGrid().set(true));
        table.setOnMouseExited(e -> vm.pointerOverGrid().set(false));
        table.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> vm.pointerMoved());
    }

    private void followSelection() {
        var ids = vm.selection().ids();
        if (syncing || ids.equals(table.getSelectionModel().getSelectedItems())) {
            return;
        }
        syncing = true;
        try {
            table.getSelectionModel().clearSelection();
            for (String id : ids) {
                int at = vm.indexOf(id);
                if (at >= 0) {
                    table.getSelectionModel().select(at);
                }
            }
        } finally {
            syncing = false;
        }
    }

    private Role ageRole(Instance i) {
        Freshness f = i.freshness(vm.policy(), vm.now().get());
        return f == Freshness.FRESH ? null : f == Freshness.AGING ? Role.WARNING : Role.BAD;
    }

    /** The problems in the colour of the worst: crashed or critical red, the rest as the cards colour them. */
    private Role problemRole(Instance i) {
        Role state = Looks.state(i).role();
        Role health = Looks.health(i).role();
        if (state == Role.BAD || health == Role.BAD) {
            return Role.BAD;
        }
        if (state == Role.WARNING || health == Role.WARNING || !i.freshness(vm.policy(), vm.now().get()).looksLive()) {
            return Role.WARNING;
        }
        return i.hasProblems() ? Role.PROBLEM : null;
    }

    private void refreshIfShown() {
        if (table.getScene() != null) {
            table.refresh();
        }
    }

    /** Wide enough for its title in the header's bold font, with room for the sort arrow. */
    private static double headerWidth(String title) {
        Text t = new Text(title);
        t.setFont(HEADER);
        return Math.ceil(t.getLayoutBounds().getWidth()) + 30;
    }

    private TableColumn<String, String> column(String title, double width, Function<Instance, String> value, Function<Instance, Role> role) {
        TableColumn<String, String> c = new TableColumn<>(title);
        c.setMinWidth(headerWidth(title));
        c.setPrefWidth(Math.max(width, c.getMinWidth()));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue()));
        c.setCellFactory(col -> new FleetCell(vm, value, role));
        table.getColumns().add(c);
        return c;
    }

    private void lookColumn(String title, double width, Function<Instance, Look> look) {
        TableColumn<String, String> c = new TableColumn<>(title);
        c.setMinWidth(headerWidth(title));
        c.setPrefWidth(Math.max(width, c.getMinWidth()));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue()));
        c.setCellFactory(col -> new LookCell(vm, look));
        table.getColumns().add(c);
    }

    public Node node() {
        return table;
    }
}
