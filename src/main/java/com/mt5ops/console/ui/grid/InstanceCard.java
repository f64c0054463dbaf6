package com.mt5ops.console.ui.grid;

import com.mt5ops.console.model.Freshness;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.MetricsHash;
import com.mt5ops.console.ui.fx.Format;
import com.mt5ops.console.ui.model.FleetViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One instance in the grid: state chip, CPU and memory gauges, health badge (icon and word), restarts, id,
 * broker, uptime and data age. Stale or lost data is greyed with its age; a state change flashes briefly.
 */
public final class InstanceCard extends VBox {
    static final double WIDTH = 232;
    static final double HEIGHT = 128;
    private static final Duration FLASH = Duration.ofSeconds(2);
    private static final Duration RESTART_NEWS = Duration.ofMinutes(10);
    private static final double MEMORY_SCALE_MB = 4096;

    private final Label chip = new Label();
    private final Label restarts = new Label();
    private final Label problems = new Label();
    private final MiniGauge cpu = new MiniGauge("CPU", 50);
    private final MiniGauge memory = new MiniGauge("MEM", 50);
    private final Label health = new Label();
    private final Label uptime = new Label();
    private final Label id = new Label();
    private final Label broker = new Label();
    private final Label age = new Label();
    private final Label mode = new Label();
    private final Tooltip tooltip = new Tooltip();

    public InstanceCard() {
        getStyleClass().add("card");
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        chip.getStyleClass().add("chip");
        health.getStyleClass().add("badge");
        restarts.getStyleClass().add("small");
        problems.getStyleClass().add("problem-mark");
        uptime.getStyleClass().add("small");
        id.getStyleClass().add("id");
        broker.getStyleClass().add("small");
        age.getStyleClass().add("small");
        age.setMinWidth(Region.USE_PREF_SIZE);
        mode.getStyleClass().add("small");
        HBox top = new HBox(6, chip, spacer(), problems, restarts);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox side = new VBox(4, health, uptime, mode);
        side.setAlignment(Pos.CENTER_LEFT);
        HBox middle = new HBox(4, cpu, memory, side);
        middle.setAlignment(Pos.CENTER_LEFT);
        HBox bottom = new HBox(6, id, spacer(), age);
        bottom.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, middle, new HBox(broker), bottom);
        tooltip.setShowDelay(javafx.util.Duration.millis(400));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        Tooltip.install(this, tooltip);
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** Draws {@code i} as of {@code now}; {@code connectionLive} false greys everything (data may be old). */
    public void render(Instance i, FleetViewModel vm, Instant now, boolean connectionLive) {
        var s = i.state();
        StateStyle.chip(chip, i.stateOrNull(), i.raw().instance() == null ? null : i.raw().instance().get("state"));
        StateStyle.badge(health, i.healthOrNull(), i.raw().health() == null ? null : i.raw().health().get("health_status"));
        Long count = i.health() == null ? null : i.health().restartCount();
        Instant rose = vm.restartsRoseAt(i.id());
        boolean recent = rose != null && Duration.between(rose, now).compareTo(RESTART_NEWS) < 0;
        restarts.setText(count == null ? "↻ ?" : "↻" + count + (recent ? " ▲" : ""));
        toggle(restarts, "restarts-rose", recent);
        problems.setText(i.hasProblems() ? "⚠ " + i.problems().size() : "");
        Freshness f = i.freshness(vm.policy(), now);
        boolean live = connectionLive && (f == Freshness.FRESH || f == Freshness.AGING);
        MetricsHash m = i.metrics();
        Double c = m == null ? null : m.cpuUsage();
        Double mem = m == null ? null : m.memoryUsage();
        cpu.draw(c == null ? Double.NaN : c / 100.0, Format.percent(c), live);
        memory.draw(mem == null ? Double.NaN : mem / Math.max(MEMORY_SCALE_MB, mem), Format.megabytesShort(mem), live);
        Long up = i.health() == null ? null : i.health().uptimeSeconds();
        uptime.setText(up == null ? "up ?" : "up " + Format.duration(up));
        mode.setText(s == null || s.launchMode() == null ? "" : s.launchMode().wire() + (s.activeConnections() == null ? "" : " · " + s.activeConnections() + " conn"));
        id.setText(i.id().length() > 18 ? i.id().substring(0, 18) + "…" : i.id());
        String b = i.raw().instance() == null ? null : i.raw().instance().get("broker_id");
        broker.setText("broker " + (b == null ? "—" : Format.shortId(b)));
        age.setText(f == Freshness.FRESH ? Format.age(i.lastSeen(), now) : f.wire().toUpperCase() + " " + Format.age(i.lastSeen(), now));
        toggle(age, "age-stale", f != Freshness.FRESH);
        toggle(this, "not-live", !live);
        Instant changed = vm.stateChangedAt(i.id());
        toggle(this, "flash", changed != null && Duration.between(changed, now).compareTo(FLASH) < 0);
        toggle(this, "selected", vm.selection().isSelected(i.id()));
        String error = i.raw().health() == null ? null : i.raw().health().get("last_error");
        String tip = i.id() + (error == null || error.isEmpty() ? "" : "\nlast error: " + error)
                + (i.hasProblems() ? "\n" + i.problems().stream().map(p -> p.code() + " " + (p.field() == null ? "" : p.field() + ": ") + p.message()).collect(Collectors.joining("\n")) : "");
        tooltip.setText(tip);
    }

    private static void toggle(javafx.scene.Node node, String cls, boolean on) {
        boolean has = node.getStyleClass().contains(cls);
        if (on && !has) {
            node.getStyleClass().add(cls);
        } else if (!on && has) {
            node.getStyleClass().remove(cls);
        }
    }
}
