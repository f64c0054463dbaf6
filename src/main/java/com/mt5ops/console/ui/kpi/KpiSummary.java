package com.mt5ops.console.ui.kpi;

import com.mt5ops.console.ui.fleet.FilterCriteria;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fleet.KpiCounts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The KPI tiles that do not fit, as one line each at the end of the row ("Memory 12 GB"); a click filters as the tile would. */
final class KpiSummary {
    private final FleetViewModel vm;
    private final VBox box = new VBox(2);
    private final Map<Node, Label> lines = new LinkedHashMap<>();

    KpiSummary(FleetViewModel vm) {
        this.vm = vm;
        box.setId("kpi-summary");
        box.getStyleClass().add("kpi-summary");
        box.setPrefWidth(170);
        box.setMinWidth(170);
        box.setMaxWidth(170);
    }

    void add(Node tile, String id, String title, String unit, ToDoubleFunction<KpiCounts> value, UnaryOperator<FilterCriteria> onClick) {
        Label line = new Label();
        line.setId("kpi-summary-" + id);
        line.getStyleClass().add("kpi-summary-line");
        line.setVisible(false);
        line.setManaged(false);
        java.util.function.Consumer<KpiCounts> show = k -> line.setText(String.format(Locale.ROOT, "%s  %,.0f%s", title,
                k == null ? 0 : value.applyAsDouble(k), unit.isEmpty() ? "" : " " + unit));
        show.accept(vm.counts().get());
        vm.counts().addListener((o, a, k) -> show.accept(k));
        if (onClick != null) {
            line.getStyleClass().add("filter-line");
            line.setOnMouseClicked(e -> vm.criteria().set(onClick.apply(vm.criteria().get())));
        }
        lines.put(tile, line);
        box.getChildren().add(line);
    }

    /** Shows a line for each hidden tile. */
    void show(List<Node> hidden) {
        lines.forEach((tile, line) -> {
            boolean on = hidden.contains(tile);
            line.setVisible(on);
            line.setManaged(on);
        });
    }

    Node node() {
        return box;
    }
}
