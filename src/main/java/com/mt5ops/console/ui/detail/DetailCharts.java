package com.mt5ops.console.ui.detail;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.sync.HistorySeries;
import com.mt5ops.console.ui.fx.Format;
import com.mt5ops.console.ui.look.Palette;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.HBox;

/**
 * The focused instance's CPU and memory gauges (TilesFX) and history sparklines, in the theme's colours; old data
 * fades so it does not pass for live.
 */
final class DetailCharts {
    private static final double MEMORY_SCALE_MB = 4096;
    private final ObservableValue<Palette> palette;
    private final Sparkline cpuLine;
    private final Sparkline memoryLine;
    /** Made on first use: the TilesFX gauges are costly and most sessions start with nothing selected. */
    private Tile cpuTile;
    private Tile memoryTile;
    /** The loads shown (0 to 1), which colour the gauges' bars. */
    private double cpuLoad;
    private double memoryLoad;

    DetailCharts(ObservableValue<Palette> palette) {
        this.palette = palette;
        cpuLine = new Sparkline("CPU", Palette::accent, palette.getValue(), 340, 72,
                v -> String.format(java.util.Locale.ROOT, "%.0f %%", v), max -> 100);
        memoryLine = new Sparkline("Memory", Palette::accentAlt, palette.getValue(), 340, 72,
                v -> String.format(java.util.Locale.ROOT, "%,.0f MB", v), DetailCharts::memoryTop);
        cpuLine.setId("detail-cpu-history");
        memoryLine.setId("detail-memory-history");
        palette.addListener((o, a, p) -> recolour(p));
    }

    /** The sparklines take the width of the pane's viewport less {@code padding}. */
    void followWidth(ObservableValue<javafx.geometry.Bounds> viewport, double padding) {
        viewport.addListener((o, a, b) -> {
            double w = Math.max(200, Math.floor(b.getWidth() - padding));
            if (w != cpuLine.getWidth()) {
                cpuLine.setWidth(w);
                memoryLine.setWidth(w);
            }
        });
    }

    /** The gauges' row and the two sparklines (making the gauges on the first call). */
    List<Node> nodes() {
        if (cpuTile == null) {
            cpuTile = gauge("CPU", "%", 100);
            memoryTile = gauge("Memory", "MB", MEMORY_SCALE_MB);
            cpuTile.setId("detail-cpu");
            memoryTile.setId("detail-memory");
        }
        return List.of(new HBox(6, cpuTile, memoryTile), cpuLine, memoryLine);
    }

    void show(Instance i, boolean live) {
        Double cpu = i.cpuOrNull();
        Double mem = i.memoryOrNull();
        fade(live);
        Palette p = palette.getValue();
        cpuLoad = cpu == null ? 0 : cpu / 100;
        cpuTile.setBarColor(load(p, cpuLoad));
        cpuTile.setValue(cpu == null ? 0 : cpu);
        cpuTile.setDescription(cpu == null ? "unknown" : "");
        double top = memoryTop(mem == null ? 0 : mem);
        if (top != memoryTile.getMaxValue()) {
            memoryTile.setMaxValue(top);
        }
        memoryLoad = mem == null ? 0 : mem / top;
        memoryTile.setBarColor(load(p, memoryLoad));
        memoryTile.setValue(mem == null ? 0 : mem);
        memoryTile.setDescription(mem == null ? "unknown" : "");
    }

    /** The memory scale's top: 4,096 MB, or a round number above a larger value (the gauge and its history agree). */
    static double memoryTop(double max) {
        return max <= MEMORY_SCALE_MB ? MEMORY_SCALE_MB : Sparkline.niceAbove(max);
    }

    /** The gauge's colour for a load as the cards colour it: red from 90 %, amber from 75 %, else the accent. */
    private static javafx.scene.paint.Color load(Palette p, double fraction) {
        return fraction >= 0.9 ? p.bad() : fraction >= 0.75 ? p.warning() : p.accent();
    }

    /** Old data must not look live here either: the gauges fade like the card (the facts line says how old). */
    void fade(boolean live) {
        if (cpuTile != null) {
            cpuTile.setOpacity(live ? 1 : 0.4);
            memoryTile.setOpacity(live ? 1 : 0.4);
        }
    }

    /** {@code i} null: the instance is gone, its last values are unknown. */
    void history(HistorySeries h, Instance i) {
        cpuLine.draw(h.cpu(), i == null ? "?" : Format.percent(i.cpuOrNull()));
        memoryLine.draw(h.memory(), i == null ? "?" : Format.megabytes(i.memoryOrNull()));
    }

    private Tile gauge(String title, String unit, double max) {
        Tile t = TileBuilder.create().skinType(Tile.SkinType.GAUGE).prefSize(170, 150).title(title).unit(unit)
                .minValue(0).maxValue(max).autoScale(false).thresholdVisible(false).decimals(0).tickLabelDecimals(0).animated(false).build();
        colour(t, palette.getValue(), 0);
        return t;
    }

    private void recolour(Palette p) {
        if (cpuTile != null) {
            colour(cpuTile, p, cpuLoad);
            colour(memoryTile, p, memoryLoad);
        }
        cpuLine.setPalette(p);
        memoryLine.setPalette(p);
    }

    private static void colour(Tile t, Palette p, double load) {
        t.setBackgroundColor(p.card());
        t.setTextColor(p.muted());
        t.setBarBackgroundColor(p.border());
        t.setBarColor(load(p, load));
        t.setThresholdColor(p.bad());
        t.setNeedleColor(p.text());
        t.setValueColor(p.text());
        t.setTitleColor(p.muted());
        t.setUnitColor(p.muted());
        t.setDescriptionColor(p.muted());
    }
}
