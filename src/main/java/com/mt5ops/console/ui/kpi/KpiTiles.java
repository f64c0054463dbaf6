package com.mt5ops.console.ui.kpi;

import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.ui.fleet.FilterCriteria;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fleet.FreshnessFilter;
import com.mt5ops.console.ui.fleet.KpiCounts;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;

/** The fleet KPI tiles (TilesFX); clicking one filters the grid to what it counts. */
public final class KpiTiles {
    private static final double TILE_HEIGHT = 112;
    private final HBox row = new HBox();
    private final java.util.List<Tile> tiles = new java.util.ArrayList<>();

    public KpiTiles(FleetViewModel vm) {
        row.getStyleClass().add("kpi-row");
        row.setMinHeight(TILE_HEIGHT);
        // A tile queues every change made while it is not on a showing window and replays them all through its skin
        // when it appears (~40 text re-fits per tile, a third of the window's first show). Tiles added to a window that
        // is already showing have no skin yet when they replay, so that costs nothing.
        row.sceneProperty().flatMap(javafx.scene.Scene::windowProperty).flatMap(javafx.stage.Window::showingProperty)
                .addListener((o, was, showing) -> {
                    if (Boolean.TRUE.equals(showing) && row.getChildren().isEmpty()) {
                        row.getChildren().setAll(tiles);
                    }
                });
        tile(vm, "Total", "instances", Color.web("#58a6ff"), KpiCounts::total, c -> FilterCriteria.none());
        tile(vm, "Running", "", Color.web("#3fb950"), KpiCounts::running, c -> FilterCriteria.none().withState(InstanceState.RUNNING));
        tile(vm, "Crashed", "", Color.web("#f85149"), KpiCounts::crashed, c -> FilterCriteria.none().withState(InstanceState.CRASHED));
        tile(vm, "Restarting", "", Color.web("#d29922"), KpiCounts::restarting, c -> FilterCriteria.none().withState(InstanceState.RESTARTING));
        tile(vm, "Critical", "health", Color.web("#f85149"), KpiCounts::critical, c -> FilterCriteria.none().withHealth(HealthStatus.CRITICAL));
        tile(vm, "Stale", "or lost data", Color.web("#bc8cff"), KpiCounts::stale, c -> FilterCriteria.none().withFreshness(FreshnessFilter.NOT_LIVE));
        tile(vm, "Data problems", "instances", Color.web("#bc8cff"), KpiCounts::withProblems, c -> FilterCriteria.none().withProblemsOnly(true));
        tile(vm, "Fleet CPU", "% avg running", Color.web("#58a6ff"), KpiCounts::cpuAverage, c -> c);
        tile(vm, "Memory", "GB total", Color.web("#58a6ff"), k -> k.memoryTotalMb() / 1024, c -> c);
    }

    private void tile(FleetViewModel vm, String title, String unit, Color color, ToDoubleFunction<KpiCounts> value,
                      UnaryOperator<FilterCriteria> onClick) {
        Tile tile = TileBuilder.create()
                .skinType(Tile.SkinType.NUMBER)
                .prefSize(150, TILE_HEIGHT)
                .title(title)
                .unit(unit)
                .decimals(0)
                .valueColor(color)
                .titleColor(Color.web("#8b949e"))
                .unitColor(Color.web("#8b949e"))
                .backgroundColor(Color.web("#161b22"))
                .animated(false)
                .build();
        tile.setId("kpi-" + title.toLowerCase().replace(' ', '-'));
        Tooltip.install(tile, new Tooltip("Show only: " + title.toLowerCase()));
        tile.setOnMouseClicked(e -> vm.criteria().set(onClick.apply(vm.criteria().get())));
        // TilesFX re-fits its text on every value change: touch a tile only when the shown number changes.
        vm.counts().addListener((o, a, k) -> {
            double shown = Math.round(value.applyAsDouble(k));
            if (shown != tile.getValue()) {
                tile.setValue(shown);
            }
        });
        tiles.add(tile);
    }

    public Node node() {
        return row;
    }
}
