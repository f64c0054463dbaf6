package com.mt5ops.console.ui.toolbar;

import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.ui.fleet.BrokerNames;
import com.mt5ops.console.ui.fleet.FilterCriteria;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fleet.FreshnessFilter;
import com.mt5ops.console.ui.fleet.SortOrder;
import com.mt5ops.console.ui.fx.Hint;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import com.mt5ops.console.ui.fx.OverflowMenu;
import com.mt5ops.console.ui.fx.PriorityRow;
import javafx.util.StringConverter;

/**
 * Search, filters, problems-only, sort, and the re-sort button that shows how many changes wait. On a narrow window the
 * least important controls move into a "⋯" menu at the end of the row, the extra ones (view, export, theme) first.
 */
public final class FleetToolbar {
    private final PriorityRow row = new PriorityRow(8);
    private final List<Node> controls = new java.util.ArrayList<>();
    /** How long each control stays in the row as it narrows: the search never leaves, the theme toggle leaves first. */
    private final java.util.Map<Node, Integer> importance = new java.util.HashMap<>();
    private final TextField search = new TextField();
    private final ToggleButton problemsOnly = new ToggleButton("Problems only (F)");
    private boolean updating;

    public FleetToolbar(FleetViewModel vm, Node... extra) {
        row.getStyleClass().add("toolbar-row");
        search.setId("search");
        search.setPromptText("/ search id, broker, error…");
        search.setPrefWidth(240);
        search.setMinWidth(150);
        search.setMaxWidth(420);
        search.textProperty().addListener((o, a, t) -> set(vm, vm.criteria().get().withText(t)));

        ComboBox<InstanceState> state = choice("state-filter", "any state", InstanceState.values(), InstanceState::wire);
        state.valueProperty().addListener((o, a, v) -> set(vm, vm.criteria().get().withState(v)));
        ComboBox<HealthStatus> health = choice("health-filter", "any health", HealthStatus.values(), HealthStatus::wire);
        health.valueProperty().addListener((o, a, v) -> set(vm, vm.criteria().get().withHealth(v)));
        ComboBox<String> broker = new ComboBox<>();
        broker.setId("broker-filter");
        broker.setPromptText("any broker");
        broker.getItems().add(null);
        Runnable brokersChanged = () -> {
            // Rebuilding the items moves the combo's value through other brokers for a moment: not a filter change.
            String chosen = broker.getValue();
            updating = true;
            List<String> items = new java.util.ArrayList<>(vm.brokers().size() + 1);
            items.add(null);
            items.addAll(vm.brokers());
            broker.setConverter(converter("any broker", b -> brokerLabel(vm, b))); // a new converter redraws the names
            broker.getItems().setAll(items);
            broker.setValue(chosen);
            updating = false;
        };
        vm.brokers().addListener((javafx.collections.ListChangeListener<String>) c -> brokersChanged.run());
        vm.brokerNames().version().addListener(o -> brokersChanged.run());
        broker.setConverter(converter("any broker", b -> brokerLabel(vm, b)));
        broker.valueProperty().addListener((o, a, v) -> set(vm, vm.criteria().get().withBroker(v)));
        ComboBox<FreshnessFilter> fresh = new ComboBox<>(FXCollections.observableArrayList(FreshnessFilter.values()));
        fresh.setId("freshness-filter");
        fresh.setValue(FreshnessFilter.ANY);
        fresh.valueProperty().addListener((o, a, v) -> set(vm, vm.criteria().get().withFreshness(v)));
        problemsOnly.setId("problems-only");
        Hint.install(problemsOnly, "Crashed, critical, warning, restarting, stale or malformed");
        problemsOnly.selectedProperty().addListener((o, a, v) -> set(vm, vm.criteria().get().withProblemsOnly(v)));
        ComboBox<SortOrder> sort = new ComboBox<>(FXCollections.observableArrayList(SortOrder.values()));
        sort.setId("sort");
        sort.valueProperty().bindBidirectional(vm.sort());
        Button resort = new Button();
        resort.setId("resort");
        Hint.install(resort, "The order is frozen while you work; apply the changes that arrived since");
        resort.textProperty().bind(vm.pendingResort().asString("Re-sort (%d)"));
        resort.disableProperty().bind(vm.pendingResort().isEqualTo(0));
        resort.setOnAction(e -> vm.resort());

        vm.criteria().addListener((o, a, c) -> {
            updating = true;
            if (!c.text().equals(search.getText())) {
                search.setText(c.text());
            }
            state.setValue(c.state());
            health.setValue(c.health());
            broker.setValue(c.broker());
            fresh.setValue(c.freshness());
            problemsOnly.setSelected(c.problemsOnly());
            updating = false;
        });
        state.setAccessibleText("State");
        health.setAccessibleText("Health");
        broker.setAccessibleText("Broker");
        fresh.setAccessibleText("Data age");
        sort.setAccessibleText("Sort");
        controls.addAll(List.of(search, state, health, broker, fresh, problemsOnly, sort, resort));
        controls.addAll(List.of(extra));
        int[] ranks = {100, 80, 60, 50, 40, 90, 70, 65};
        for (int k = 0; k < controls.size(); k++) {
            importance.put(controls.get(k), k < ranks.length ? ranks[k] : 30 - (k - ranks.length) * 5);
        }
        controls.forEach(n -> {
            if (n instanceof javafx.scene.layout.Region r && n != search) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
        row.setTrailing(OverflowMenu.of(row::hidden));
    }

    /** The broker's shared name, else its id cut short. */
    private static String brokerLabel(FleetViewModel vm, String brokerId) {
        String name = vm.brokerNames().shown(brokerId, 18); // the combo is as wide as its longest item
        return name != null ? name : BrokerNames.bounded(brokerId, 14);
    }

    private void set(FleetViewModel vm, FilterCriteria next) {
        if (!updating) {
            vm.criteria().set(next);
        }
    }

    private static <T> ComboBox<T> choice(String id, String any, T[] values, java.util.function.Function<T, String> name) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setConverter(converter(any, name));
        box.setPromptText(any);
        return box;
    }

    private static <T> StringConverter<T> converter(String any, java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? any : name.apply(v);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public void toggleProblemsOnly() {
        problemsOnly.setSelected(!problemsOnly.isSelected());
    }

    /**
     * Puts the controls into the row (once; FX thread). The window shows the row empty (its height is fixed in the
     * CSS, so nothing moves) until its first picture is drawn: styling two dozen controls for the first time costs a
     * quarter of a second on a small machine, which the fleet need not wait for.
     */
    public void attach() {
        if (row.isEmpty()) {
            controls.forEach(n -> row.add(n, importance.get(n), n != search, n == search));
        }
    }

    public Node node() {
        return row;
    }
}
