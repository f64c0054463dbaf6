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
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;

/** The fleet KPI tiles (TilesFX); clicking one filters the grid to what it counts. */
public final class KpiTiles {
    private static final double TILE_HEIGHT = 112;
    private static final Color DARK_BACKGROUND = Color.web("#161b22");
    private static final Color LIGHT_BACKGROUND = Color.web("#ffffff");
    private final FleetViewModel vm;
    private final HBox row = new HBox();
    private final java.util.List<Node> tiles = new java.util.ArrayList<>();
    private final java.util.List<Tile> numbers = new java.util.ArrayList<>();
    private boolean dark = true;

    /** The row only; the tiles come with {@link #build()}. */
    public KpiTiles(FleetViewModel vm) {
        this.vm = vm;
        row.getStyleClass().add("kpi-row");
        row.setMinHeight(TILE_HEIGHT);
    }

    /**
     * Builds the tiles into the row (once; FX thread). Called once the window shows its first picture: a tile queues
     * every change made while it is not on a showing window and replays them all through its skin when it appears
     * (~40 text re-fits per tile), and nine TilesFX tiles cost a few hundred ms cold, which the fleet need not wait for.
     */
    public void build() {
        if (!tiles.isEmpty()) {
            return;
        }
        tile(vm, "total", "Total", "", Color.web("#58a6ff"), KpiCounts::total, "Show every instance (clears the filters)",
                c -> FilterCriteria.none());
        tile(vm, "running", "Running", "", Color.web("#3fb950"), KpiCounts::running, "Show only running instances",
                c -> FilterCriteria.none().withState(InstanceState.RUNNING));
        tile(vm, "crashed", "Crashed", "", Color.web("#f85149"), KpiCounts::crashed, "Show only crashed instances",
                c -> FilterCriteria.none().withState(InstanceState.CRASHED));
        tile(vm, "restarting", "Restarting", "", Color.web("#d29922"), KpiCounts::restarting, "Show only restarting instances",
                c -> FilterCriteria.none().withState(InstanceState.RESTARTING));
        tile(vm, "critical", "Critical health", "", Color.web("#f85149"), KpiCounts::critical, "Show only instances in critical health",
                c -> FilterCriteria.none().withHealth(HealthStatus.CRITICAL));
        tile(vm, "stale", "Stale or lost", "", Color.web("#bc8cff"), KpiCounts::stale, "Show only instances whose data is stale or lost",
                c -> FilterCriteria.none().withFreshness(FreshnessFilter.NOT_LIVE));
        tile(vm, "data-problems", "Data problems", "", Color.web("#bc8cff"), KpiCounts::withProblems,
                "Show only instances with malformed or inconsistent data", c -> FilterCriteria.none().withProblemsOnly(true));
        tile(vm, "fleet-cpu", "CPU (avg)", "%", Color.web("#58a6ff"), KpiCounts::cpuAverage, "Average CPU of the running instances", null);
        tile(vm, "memory", "Memory", "GB", Color.web("#58a6ff"), k -> k.memoryTotalMb() / 1024, "Memory used by all instances together", null);
        setDark(dark);
        row.getChildren().setAll(tiles);
    }

    /** One TilesFX number tile; its title is our own label, large enough to read across a room. */
    private void tile(FleetViewModel vm, String id, String title, String unit, Color color, ToDoubleFunction<KpiCounts> value,
                      String hint, UnaryOperator<FilterCriteria> onClick) {
        Tile tile = TileBuilder.create()
                .skinType(Tile.SkinType.NUMBER)
                .prefSize(150, TILE_HEIGHT)
                .title(" ") // keeps the value where a titled tile has it; the title itself is our label
                .unit(unit)
                .decimals(0)
                .valueColor(color)
                .titleColor(Color.web("#8b949e"))
                .unitColor(Color.web("#8b949e"))
                .backgroundColor(DARK_BACKGROUND)
                .animated(false)
                .build();
        tile.setId("kpi-" + id);
        javafx.scene.control.Label name = new javafx.scene.control.Label(title);
        name.getStyleClass().add("kpi-title");
        name.setMouseTransparent(true);
        javafx.scene.layout.StackPane.setAlignment(name, javafx.geometry.Pos.TOP_LEFT);
        com.mt5ops.console.ui.fx.Hint.install(tile, hint);
        if (onClick != null) {
            tile.getStyleClass().add("filter-tile");
            tile.setOnMouseClicked(e -> vm.criteria().set(onClick.apply(vm.criteria().get())));
        }
        // TilesFX re-fits its text on every value change: touch a tile only when the shown number changes.
        java.util.function.Consumer<KpiCounts> show = k -> {
            double shown = k == null ? 0 : Math.round(value.applyAsDouble(k));
            if (shown != tile.getValue()) {
                tile.setValue(shown);
            }
        };
        show.accept(vm.counts().get());
        vm.counts().addListener((o, a, k) -> show.accept(k));
        numbers.add(tile);
        tiles.add(new javafx.scene.layout.StackPane(tile, name));
    }

    /** Tile backgrounds follow the theme (the rest of each tile is styled by the theme's CSS). */
    public void setDark(boolean dark) {
        this.dark = dark;
        Color background = dark ? DARK_BACKGROUND : LIGHT_BACKGROUND;
        for (Tile t : numbers) {
            if (!background.equals(t.getBackgroundColor())) {
                t.setBackgroundColor(background);
            }
        }
    }

    public Node node() {
        return row;
    }
}
