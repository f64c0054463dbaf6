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
    private static final Font CELL = Font.font("System", 13);
    private final TableView<String> table;
    private final FleetViewModel vm;
    private boolean syncing;

    public FleetTable(FleetViewModel vm) {
        this.vm = vm;
        table = new TableView<>(vm.visible());
        table.setId("fleet-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // the minimum widths fit a UUID, RESTARTING and "LOST 14m ago" and add up to what a 1024-px window has
        lookColumn("State", 120, 125, Looks::state);
        lookColumn("Health", 88, 100, Looks::health);
        column("Instance", textWidth("00000000-0000-0000-0000-000000000000", CELL) + 16, 300, Instance::id, i -> null);
        column("Broker", 80, 140, i -> vm.brokerNames().label(i.rawBrokerId(), com.mt5ops.console.ui.fleet.BrokerNames.LONG), i -> null);
        column("CPU", 50, 60, i -> Format.percent(i.cpuOrNull()), i -> null);
        column("Memory", 70, 80, i -> Format.megabytes(i.memoryOrNull()), i -> null);
        column("Restarts", 70, 80, i -> i.restartsOrNull() == null ? "?" : i.restartsOrNull().toString(), i -> null);
        column("Data", textWidth("STALE 59m ago", HEADER) + 14, 130, i -> InstanceText.dataAge(i, vm.policy(), vm.now().get()), this::ageRole);
        column("Problems", 100, 260, i -> String.join(" · ", InstanceText.problems(i, vm.policy(), vm.now().get())), this::problemRole);
        table.setRowFactory(t -> new FleetRow(vm));
        vm.brokerNames().version().addListener(o -> table.refresh()); // a broker renamed (rare): its column follows
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

    /** Wide enough for its title in the header's bold font and the header's padding. */
    private static double headerWidth(String title) {
        return textWidth(title, HEADER) + 20;
    }

    private static double textWidth(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return Math.ceil(t.getLayoutBounds().getWidth());
    }

    /**
     * A column at least {@code min} wide and never narrower than its title. Not sortable: the rows are the view model's
     * visible list itself, in its order (the toolbar's sort), which a header click must not reorder underneath it.
     */
    private TableColumn<String, String> newColumn(String title, double min, double width) {
        TableColumn<String, String> c = new TableColumn<>(title);
        c.setSortable(false);
        c.setMinWidth(Math.max(min, headerWidth(title)));
        c.setPrefWidth(Math.max(width, c.getMinWidth()));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue()));
        table.getColumns().add(c);
        return c;
    }

    private void column(String title, double min, double width, Function<Instance, String> value, Function<Instance, Role> role) {
        newColumn(title, min, width).setCellFactory(col -> new FleetCell(vm, value, role));
    }

    private void lookColumn(String title, double min, double width, Function<Instance, Look> look) {
        newColumn(title, min, width).setCellFactory(col -> new LookCell(vm, look));
    }

    public Node node() {
        return table;
    }
}
