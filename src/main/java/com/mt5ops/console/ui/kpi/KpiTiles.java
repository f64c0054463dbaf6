package com.mt5ops.console.ui.kpi;

import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.ui.fleet.FilterCriteria;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fleet.FreshnessFilter;
import com.mt5ops.console.ui.fleet.KpiCounts;
import com.mt5ops.console.ui.look.Looks;
import com.mt5ops.console.ui.look.Palette;
import com.mt5ops.console.ui.look.Role;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import com.mt5ops.console.ui.fx.PriorityRow;
import javafx.scene.paint.Color;

/**
 * The fleet KPI tiles (TilesFX), coloured from the theme's palette; clicking one filters the grid to what it counts.
 * They share the window's width (each between {@link #MIN_WIDTH} and {@link #MAX_WIDTH}); on a narrow window the
 * least important ones (memory, CPU, data problems) give way to a summary of their values at the end of the row.
 */
public final class KpiTiles {
    private static final double TILE_HEIGHT = 112;
    static final double MIN_WIDTH = 128;
    static final double MAX_WIDTH = 240;
    private final FleetViewModel vm;
    private final ObservableValue<Palette> palette;
    private final PriorityRow row = new PriorityRow(8);
    private final KpiSummary summary;
    private final java.util.List<Node> tiles = new java.util.ArrayList<>();
    /** Each number tile with the role its value is coloured in. */
    private final Map<Tile, Role> numbers = new LinkedHashMap<>();

    /** The row only; the tiles come with {@link #build()}. */
    public KpiTiles(FleetViewModel vm, ObservableValue<Palette> palette) {
        this.vm = vm;
        this.palette = palette;
        row.getStyleClass().add("kpi-row");
        row.setMinHeight(TILE_HEIGHT);
        summary = new KpiSummary(vm);
        row.setTrailing(summary.node());
        row.setOnHiddenChanged(summary::show);
        palette.addListener((o, a, p) -> recolour(p));
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
        tile(vm, "total", "Total", "", Role.ACCENT, KpiCounts::total, "Show every instance (clears the filters)",
                c -> FilterCriteria.none());
        tile(vm, "running", "Running", "", Looks.of(InstanceState.RUNNING).role(), KpiCounts::running, "Show only running instances",
                c -> FilterCriteria.none().withState(InstanceState.RUNNING));
        tile(vm, "crashed", "Crashed", "", Looks.of(InstanceState.CRASHED).role(), KpiCounts::crashed, "Show only crashed instances",
                c -> FilterCriteria.none().withState(InstanceState.CRASHED));
        tile(vm, "restarting", "Restarting", "", Looks.of(InstanceState.RESTARTING).role(), KpiCounts::restarting, "Show only restarting instances",
                c -> FilterCriteria.none().withState(InstanceState.RESTARTING));
        tile(vm, "critical", "Critical health", "", Looks.of(HealthStatus.CRITICAL).role(), KpiCounts::critical, "Show only instances in critical health",
                c -> FilterCriteria.none().withHealth(HealthStatus.CRITICAL));
        tile(vm, "stale", "Stale or lost", "", Role.PROBLEM, KpiCounts::stale, "Show only instances whose data is stale or lost",
                c -> FilterCriteria.none().withFreshness(FreshnessFilter.NOT_LIVE));
        tile(vm, "data-problems", "Data problems", "", Role.PROBLEM, KpiCounts::withProblems,
                "Show only instances with malformed or inconsistent data", c -> FilterCriteria.none().withProblemsOnly(true));
        tile(vm, "fleet-cpu", "CPU (avg)", "%", Role.ACCENT, KpiCounts::cpuAverage, "Average CPU of the running instances", null);
        tile(vm, "memory", "Memory", "GB", Role.ACCENT, k -> k.memoryTotalMb() / 1024, "Memory used by all instances together", null);
        for (int k = 0; k < tiles.size(); k++) {
            row.add(tiles.get(k), tiles.size() - k, k > 0, true);
        }
    }

    /** One TilesFX number tile; its title is our own label, large enough to read across a room. */
    private void tile(FleetViewModel vm, String id, String title, String unit, Role role, ToDoubleFunction<KpiCounts> value,
                      String hint, UnaryOperator<FilterCriteria> onClick) {
        Palette p = palette.getValue();
        Tile tile = TileBuilder.create()
                .skinType(Tile.SkinType.NUMBER)
                .prefSize(150, TILE_HEIGHT)
                .title(" ") // keeps the value where a titled tile has it; the title itself is our label
                .unit(unit)
                .decimals(0)
                .valueColor(p.color(role))
                .titleColor(p.muted())
                .unitColor(p.muted())
                .backgroundColor(p.panel())
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
        numbers.put(tile, role);
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(tile, name);
        holder.setMinWidth(MIN_WIDTH);
        holder.setPrefWidth(150);
        holder.setMaxWidth(MAX_WIDTH);
        tile.setMinSize(0, 0);
        tile.setMaxWidth(Double.MAX_VALUE);
        summary.add(holder, id, title, unit, value, onClick);
        tiles.add(holder);
    }

    /** Tiles take the theme's colours (their titles are labels, coloured by the CSS). */
    private void recolour(Palette p) {
        numbers.forEach((t, role) -> {
            set(t.getBackgroundColor(), p.panel(), t::setBackgroundColor);
            set(t.getValueColor(), p.color(role), t::setValueColor);
            set(t.getUnitColor(), p.muted(), t::setUnitColor);
            set(t.getTitleColor(), p.muted(), t::setTitleColor);
        });
    }

    /** TilesFX redraws on every colour set: only when it changes. */
    private static void set(Color now, Color wanted, java.util.function.Consumer<Color> setter) {
        if (!wanted.equals(now)) {
            setter.accept(wanted);
        }
    }

    public Node node() {
        return row;
    }
}
