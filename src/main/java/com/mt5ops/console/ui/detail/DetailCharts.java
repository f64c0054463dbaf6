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

    DetailCharts(ObservableValue<Palette> palette) {
        this.palette = palette;
        cpuLine = new Sparkline("CPU %", Palette::accent, palette.getValue(), 340, 56);
        memoryLine = new Sparkline("Memory MB", Palette::accentAlt, palette.getValue(), 340, 56);
        cpuLine.setId("detail-cpu-history");
        memoryLine.setId("detail-memory-history");
        palette.addListener((o, a, p) -> recolour(p));
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
        cpuTile.setValue(cpu == null ? 0 : cpu);
        cpuTile.setDescription(cpu == null ? "unknown" : "");
        memoryTile.setMaxValue(Math.max(MEMORY_SCALE_MB, mem == null ? 0 : mem));
        memoryTile.setValue(mem == null ? 0 : mem);
        memoryTile.setDescription(mem == null ? "unknown" : "");
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
                .maxValue(max).threshold(max * 0.9).thresholdVisible(true).decimals(0).animated(false).build();
        colour(t, palette.getValue());
        return t;
    }

    private void recolour(Palette p) {
        if (cpuTile != null) {
            colour(cpuTile, p);
            colour(memoryTile, p);
        }
        cpuLine.setPalette(p);
        memoryLine.setPalette(p);
    }

    private static void colour(Tile t, Palette p) {
        t.setBackgroundColor(p.card());
        t.setBarColor(p.accent());
        t.setThresholdColor(p.bad());
        t.setNeedleColor(p.text());
        t.setValueColor(p.text());
        t.setTitleColor(p.muted());
        t.setUnitColor(p.muted());
        t.setDescriptionColor(p.muted());
    }
}
