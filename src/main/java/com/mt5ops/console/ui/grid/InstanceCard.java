package com.mt5ops.console.ui.grid;

import com.mt5ops.console.model.Freshness;
import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.ui.fx.Format;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import java.time.Duration;
import java.time.Instant;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * One instance in the grid, drawn on a single canvas: state chip, CPU and memory gauges, health badge (glyph
 * and word), restarts, problems, broker, uptime, id and data age. Drawing never requests a layout, so a fleet
 * of thousands updating at once costs the FX thread only the pixels of the visible cards. Stale or lost data
 * is greyed with its age; a state change flashes briefly.
 */
public final class InstanceCard extends Canvas {
    static final double WIDTH = 232;
    static final double HEIGHT = 128;
    private static final Duration FLASH = Duration.ofSeconds(2);
    private static final Duration RESTART_NEWS = Duration.ofMinutes(10);
    private static final double MEMORY_SCALE_MB = 4096;
    private static final Font BOLD = Font.font("System", FontWeight.BOLD, 12);
    private static final Font CHIP = Font.font("System", FontWeight.BOLD, 11);
    private static final Font SMALL = Font.font("System", 11);
    private static final Font MONO = Font.font("Monospaced", 11);
    private static final Font GAUGE = Font.font("System", FontWeight.BOLD, 11);
    private static final Font TINY = Font.font("System", 9);

    private CardPalette palette;

    public InstanceCard(CardPalette palette) {
        super(WIDTH, HEIGHT);
        this.palette = palette;
        getStyleClass().add("card");
    }

    public void setPalette(CardPalette palette) {
        this.palette = palette;
    }

    /** Draws {@code i} as of {@code now}; {@code connectionLive} false greys everything (data may be old). */
    public void render(Instance i, FleetViewModel vm, Instant now, boolean connectionLive) {
        GraphicsContext g = getGraphicsContext2D();
        CardPalette p = palette;
        Freshness f = i.freshness(vm.policy(), now);
        boolean live = connectionLive && f.looksLive();
        boolean selected = vm.selection().isSelected(i.id());
        Instant changed = vm.stateChangedAt(i.id());
        boolean flash = changed != null && Duration.between(changed, now).compareTo(FLASH) < 0;

        g.setGlobalAlpha(1);
        g.clearRect(0, 0, WIDTH, HEIGHT);
        g.setFill(selected ? p.cardSelected() : p.card());
        g.fillRoundRect(1, 1, WIDTH - 2, HEIGHT - 2, 12, 12);
        g.setLineWidth(flash ? 3 : selected ? 2 : 1);
        g.setStroke(flash ? p.flash() : selected ? p.accent() : p.border());
        g.strokeRoundRect(1.5, 1.5, WIDTH - 3, HEIGHT - 3, 12, 12);
        g.setGlobalAlpha(live ? 1 : 0.5);
        g.setTextBaseline(VPos.CENTER);

        String rawState = i.raw().instance() == null ? null : i.raw().instance().get("state");
        InstanceState s = i.stateOrNull();
        String chipText = s == null ? (rawState == null ? "? NO STATE" : "? " + cut(rawState, 10)) : stateGlyph(s) + " " + s.wire().toUpperCase();
        double chipWidth = width(chipText, CHIP) + 14;
        g.setFill(stateColor(s));
        g.fillRoundRect(8, 8, chipWidth, 18, 18, 18);
        g.setFill(s == InstanceState.CRASHED || s == null ? Color.WHITE : p.onChip());
        g.setFont(CHIP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(chipText, 15, 17);

        Long count = i.health() == null ? null : i.health().restartCount();
        Instant rose = vm.restartsRoseAt(i.id());
        boolean recent = rose != null && Duration.between(rose, now).compareTo(RESTART_NEWS) < 0;
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(recent ? BOLD : SMALL);
        g.setFill(recent ? p.warning() : p.muted());
        g.fillText((count == null ? "↻ ?" : "↻" + count) + (recent ? " ▲" : ""), WIDTH - 10, 17);
        if (i.hasProblems()) {
            g.setFont(BOLD);
            g.setFill(p.problem());
            g.fillText("⚠ " + i.problems().size(), WIDTH - 50, 17);
        }

        Double cpu = i.metrics() == null ? null : i.metrics().cpuUsage();
        Double mem = i.metrics() == null ? null : i.metrics().memoryUsage();
        gauge(g, 8, 32, cpu == null ? Double.NaN : cpu / 100.0, Format.percent(cpu), "CPU", live);
        gauge(g, 60, 32, mem == null ? Double.NaN : mem / Math.max(MEMORY_SCALE_MB, mem), Format.megabytesShort(mem), "MEM", live);

        HealthStatus h = i.healthOrNull();
        String rawHealth = i.raw().health() == null ? null : i.raw().health().get("health_status");
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(BOLD);
        g.setFill(healthColor(h));
        g.fillText(h == null ? (rawHealth == null ? "? no health" : "? " + cut(rawHealth, 10)) : healthGlyph(h) + " " + h.wire(), 116, 40);
        g.setFont(SMALL);
        g.setFill(p.muted());
        Long up = i.health() == null ? null : i.health().uptimeSeconds();
        g.fillText(up == null ? "up ?" : "up " + Format.duration(up), 116, 58);
        var st = i.state();
        g.fillText(st == null || st.launchMode() == null ? "" : st.launchMode().wire()
                + (st.activeConnections() == null ? "" : " · " + st.activeConnections() + " conn"), 116, 74);
        String broker = i.brokerOrNull() != null ? i.brokerOrNull() : i.raw().instance() == null ? null : i.raw().instance().get("broker_id");
        g.fillText("broker " + (broker == null ? "—" : Format.shortId(broker)), 10, 96);

        boolean fresh = f == Freshness.FRESH;
        g.setFont(MONO);
        g.setFill(p.text());
        g.fillText(cut(i.id(), fresh ? 20 : 12), 10, 114);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(fresh ? SMALL : BOLD);
        g.setFill(fresh ? p.muted() : p.warning());
        String age = (fresh ? "" : f.wire().toUpperCase() + " ") + Format.age(i.lastTrusted(vm.policy(), now), now);
        g.fillText(age, WIDTH - 10, 114);
        g.setGlobalAlpha(1);

        setAccessibleText(chipText + ", " + (h == null ? "health unknown" : h.wire()) + ", cpu " + Format.percent(cpu)
                + ", memory " + Format.megabytes(mem) + ", instance " + i.id() + ", data " + age
                + (i.hasProblems() ? ", " + i.problems().size() + " data problems" : ""));
    }

    private void gauge(GraphicsContext g, double x, double y, double fraction, String text, String label, boolean live) {
        CardPalette p = palette;
        double d = 44;
        g.setLineWidth(5);
        g.setStroke(p.track());
        g.strokeArc(x + 3, y + 3, d, d, -30, 240, ArcType.OPEN);
        boolean known = !Double.isNaN(fraction);
        Color color = !live || !known ? p.idle() : fraction >= 0.9 ? p.bad() : fraction >= 0.75 ? p.warning() : p.ok();
        if (known) {
            g.setStroke(color);
            g.strokeArc(x + 3, y + 3, d, d, 210, -240 * Math.max(0, Math.min(1, fraction)), ArcType.OPEN);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(GAUGE);
        g.setFill(color);
        g.fillText(known ? text : "?", x + 3 + d / 2, y + 3 + d / 2);
        g.setFont(TINY);
        g.setFill(p.muted());
        g.fillText(label, x + 3 + d / 2, y + d + 4);
    }

    private Color stateColor(InstanceState s) {
        if (s == null) {
            return palette.problem();
        }
        return switch (s) {
            case RUNNING -> palette.ok();
            case STOPPED -> palette.idle();
            case CRASHED -> palette.bad();
            case RESTARTING -> palette.warning();
        };
    }

    private Color healthColor(HealthStatus h) {
        if (h == null) {
            return palette.problem();
        }
        return switch (h) {
            case HEALTHY -> palette.ok();
            case WARNING -> palette.warning();
            case CRITICAL -> palette.bad();
        };
    }

    static String stateGlyph(InstanceState s) {
        if (s == null) {
            return "?";
        }
        return switch (s) {
            case RUNNING -> "▶";
            case STOPPED -> "■";
            case CRASHED -> "✖";
            case RESTARTING -> "↻";
        };
    }

    static String healthGlyph(HealthStatus h) {
        if (h == null) {
            return "?";
        }
        return switch (h) {
            case HEALTHY -> "✔";
            case WARNING -> "▲";
            case CRITICAL -> "✖";
        };
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }

    private static final Text MEASURE = new Text();

    private static double width(String s, Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }
}
