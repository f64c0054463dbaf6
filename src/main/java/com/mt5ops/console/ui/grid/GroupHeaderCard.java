package com.mt5ops.console.ui.grid;

import com.mt5ops.console.model.Freshness;
import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.ui.fleet.BrokerNames;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.look.IconGlyph;
import com.mt5ops.console.ui.look.Look;
import com.mt5ops.console.ui.look.Looks;
import com.mt5ops.console.ui.look.Palette;
import java.time.Instant;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The header card of one broker's group: the broker, how many instances, and what among them needs attention. */
final class GroupHeaderCard extends Canvas {
    private static final double W = InstanceCard.WIDTH;
    private static final double H = InstanceCard.HEIGHT;
    private static final Font LABEL = Font.font("System", FontWeight.BOLD, 10);
    private static final Font TITLE = Font.font("Monospaced", FontWeight.BOLD, 13);
    private static final Font BODY = Font.font("System", 12);
    private static final Font BOLD = Font.font("System", FontWeight.BOLD, 12);
    private Palette palette;

    GroupHeaderCard(Palette palette) {
        super(W, H);
        this.palette = palette;
        getStyleClass().add("group-header");
    }

    void setPalette(Palette palette) {
        this.palette = palette;
    }

    void render(GroupHeader header, FleetViewModel vm, Instant now) {
        int crashed = 0, critical = 0, notLive = 0, problems = 0, running = 0;
        for (String id : header.ids()) {
            Instance i = vm.get(id);
            if (i == null) {
                continue;
            }
            crashed += i.stateOrNull() == InstanceState.CRASHED ? 1 : 0;
            running += i.stateOrNull() == InstanceState.RUNNING ? 1 : 0;
            critical += i.healthOrNull() == HealthStatus.CRITICAL ? 1 : 0;
            Freshness f = i.freshness(vm.policy(), now);
            notLive += f == Freshness.STALE || f == Freshness.LOST ? 1 : 0;
            problems += i.hasProblems() ? 1 : 0;
        }
        Palette p = palette;
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, W, H);
        g.setFill(p.cardSelected());
        g.fillRoundRect(1, 1, W - 2, H - 2, 12, 12);
        g.setFill(p.accent());
        g.fillRoundRect(1, 1, 6, H - 2, 6, 6);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(LABEL);
        g.setFill(p.muted());
        String name = header.broker() == null ? null : vm.brokerNames().shown(header.broker(), BrokerNames.SHORT);
        String id = BrokerNames.bounded(header.title(), 200);
        g.fillText(name == null ? "BROKER" : "BROKER · " + id, 16, 16, W - 24); // named: the id stays in view, small
        g.setFont(TITLE);
        g.setFill(p.text());
        String title = name != null ? name : BrokerNames.bounded(header.title(), 24);
        g.fillText(title, 16, 34, W - 24);
        g.setFont(BODY);
        g.setFill(p.muted());
        g.fillText(header.ids().size() + (header.ids().size() == 1 ? " instance" : " instances") + " · " + running + " running", 16, 56);
        double y = 76;
        Look crash = Looks.of(InstanceState.CRASHED);
        Look critic = Looks.of(HealthStatus.CRITICAL);
        y = line(g, crashed, crash.icon(), crashed + " crashed", p.color(crash.role()), y);
        y = line(g, critical, critic.icon(), critical + " critical health", p.color(critic.role()), y);
        y = line(g, notLive, MaterialDesignC.CLOCK_ALERT_OUTLINE, notLive + " stale or lost", p.warning(), y);
        y = line(g, problems, MaterialDesignA.ALERT_CIRCLE_OUTLINE, problems + " with data problems", p.problem(), y);
        if (y == 76) {
            line(g, 1, MaterialDesignC.CHECK_CIRCLE, "nothing needs attention", p.ok(), y);
        }
        setAccessibleText("broker " + (name == null ? id : name + " (" + id + ")") + ", " + header.ids().size() + " instances, " + crashed + " crashed, " + critical
                + " critical, " + notLive + " stale or lost, " + problems + " with data problems");
    }

    /** One attention line (icon and text) when {@code count} is not zero; returns where the next line goes. */
    private static double line(GraphicsContext g, int count, Ikon icon, String text, Color color, double y) {
        if (count == 0 || y > H - 12) {
            return y;
        }
        IconGlyph glyph = IconGlyph.of(icon, 12);
        g.setFill(color);
        g.setFont(glyph.font());
        g.fillText(glyph.text(), 16, y);
        g.setFont(BOLD);
        g.fillText(text, 32, y);
        return y + 16;
    }
}
