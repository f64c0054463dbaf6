package com.mt5ops.console.ui.grid;

import com.mt5ops.console.model.Freshness;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.ui.fleet.BrokerNames;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fleet.InstanceText;
import com.mt5ops.console.ui.fx.Format;
import com.mt5ops.console.ui.fx.LongText;
import com.mt5ops.console.ui.look.IconGlyph;
import com.mt5ops.console.ui.look.Look;
import com.mt5ops.console.ui.look.Looks;
import com.mt5ops.console.ui.look.Palette;
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
 * and word), restarts, problems, broker, uptime, id and data age; the state and health looks come from {@link Looks}. Drawing never requests a layout, so a fleet
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

    private Palette palette;

    public InstanceCard(Palette palette) {
        super(WIDTH, HEIGHT);
        this.palette = palette;
        getStyleClass().add("card");
    }

    public void setPalette(Palette palette) {
        this.palette = palette;
    }

    /** Draws {@code i} as of {@code now}; {@code connectionLive} false greys everything (data may be old). */
    public void render(Instance i, FleetViewModel vm, Instant now, boolean connectionLive) {
        GraphicsContext g = getGraphicsContext2D();
        Palette p = palette;
        Freshness f = i.freshness(vm.policy(), now);
        boolean live = connectionLive && f.looksLive();
        boolean selected = vm.selection().isSelected(i.id());
        Instant changed = vm.changes().stateChangedAt(i.id());
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

        Look state = Looks.state(i);
        IconGlyph stateIcon = IconGlyph.of(state.icon(), 12);
        double chipWidth = width(state.text(), CHIP) + 30;
        g.setFill(p.color(state.role()));
        g.fillRoundRect(8, 8, chipWidth, 18, 18, 18);
        g.setFill(p.onFill(state.role()));
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(stateIcon.font());
        g.fillText(stateIcon.text(), 13, 17);
        g.setFont(CHIP);
        g.fillText(state.text(), 29, 17);

        Long count = i.restartsOrNull();
        Instant rose = vm.changes().restartsRoseAt(i.id());
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

        Double cpu = i.cpuOrNull();
        Double mem = i.memoryOrNull();
        gauge(g, 8, 32, cpu == null ? Double.NaN : cpu / 100.0, Format.percent(cpu), "CPU", live);
        gauge(g, 60, 32, mem == null ? Double.NaN : mem / Math.max(MEMORY_SCALE_MB, mem), Format.megabytesShort(mem), "MEM", live);

        Look health = Looks.health(i);
        IconGlyph healthIcon = IconGlyph.of(health.icon(), 14);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(p.color(health.role()));
        g.setFont(healthIcon.font());
        g.fillText(healthIcon.text(), 116, 40);
        g.setFont(BOLD);
        g.fillText(health.text(), 134, 40);
        g.setFont(SMALL);
        g.setFill(p.muted());
        String life = lifeLine(i, changed, now);
        g.fillText(life, 116, 58, WIDTH - 124);
        var st = i.state();
        g.fillText(st == null || st.launchMode() == null ? "" : st.launchMode().wire()
                + (st.activeConnections() == null ? "" : " · " + st.activeConnections() + " conn"), 116, 74);
        String broker = vm.brokerNames().label(i.rawBrokerId(), BrokerNames.SHORT); // the name, else the id cut short
        g.fillText("broker " + broker, 10, 96, WIDTH - 20);

        boolean fresh = f == Freshness.FRESH;
        g.setFont(MONO);
        g.setFill(p.text());
        g.fillText(cut(i.id(), fresh ? 20 : 12), 10, 114);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(fresh ? SMALL : BOLD);
        g.setFill(fresh ? p.muted() : p.warning());
        String age = InstanceText.dataAge(i, vm.policy(), now);
        g.fillText(age, WIDTH - 10, 114);
        g.setGlobalAlpha(1);

        setAccessibleText(state.text() + ", " + health.text() + ", " + life + ", cpu " + Format.percent(cpu)
                + ", memory " + Format.megabytes(mem) + ", instance " + LongText.clip(i.id(), LongText.INLINE) + ", data " + age
                + (i.hasProblems() ? ", " + i.problems().size() + " data problems" : "") + ", broker " + broker);
    }

    /**
     * Uptime, or for a crashed or restarting instance since when: when the mirror saw the state change, else the state
     * hash's last update ("crashed 3m ago" rather than "up 0s").
     */
    private static String lifeLine(Instance i, Instant stateChanged, Instant now) {
        InstanceState s = i.stateOrNull();
        if (s == InstanceState.CRASHED || s == InstanceState.RESTARTING) {
            Instant since = stateChanged != null ? stateChanged : i.state().lastUpdatedAt();
            return s.wire() + " " + (since == null ? "since ?" : Format.age(since, now));
        }
        Long up = i.uptimeOrNull();
        return up == null ? "up ?" : "up " + Format.duration(up);
    }

    private void gauge(GraphicsContext g, double x, double y, double fraction, String text, String label, boolean live) {
        Palette p = palette;
        double d = 44;
        g.setLineWidth(5);
        g.setStroke(p.border());
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
