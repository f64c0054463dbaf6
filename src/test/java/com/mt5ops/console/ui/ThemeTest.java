package com.mt5ops.console.ui;

import static com.mt5ops.console.ui.ConsoleHarness.fx;
import static com.mt5ops.console.ui.ConsoleHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import com.mt5ops.console.ui.detail.Sparkline;
import com.mt5ops.console.ui.look.IconGlyph;
import com.mt5ops.console.ui.look.Looks;
import com.mt5ops.console.ui.look.Palette;
import eu.hansolo.tilesfx.Tile;
import io.lettuce.core.api.sync.RedisCommands;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

class ThemeTest extends FxRobot {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.withNotifications();

    private ConsoleHarness console;

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private Node cardOf(String id) {
        return fx(() -> lookup(".instance-cell").queryAll().stream()
                .filter(n -> n instanceof IndexedCell<?> c && id.equals(c.getItem())).findFirst()
                .map(n -> ((IndexedCell<?>) n).getGraphic()).orElse(null));
    }

    /** The colour the card's canvas shows at its right edge, half way down: its background. */
    private Color cardBackground(String id) {
        return fx(() -> cardOf(id).snapshot(null, null).getPixelReader().getColor(226, 64));
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.02 && Math.abs(a.getGreen() - b.getGreen()) < 0.02
                && Math.abs(a.getBlue() - b.getBlue()) < 0.02;
    }

    private Tile tile(String id) {
        return fx(() -> lookup(id).queryAs(Tile.class));
    }

    @Test
    void theLightThemeRecoloursCardsTilesGaugesAndSparklinesAndChipAndCardSayTheSame() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        r.hdel("instance:" + id, "state");
        console = new ConsoleHarness(REDIS.uri(), false);
        waitFor(10, () -> "LIVE".equals(lookup("#connection-state").queryAs(Label.class).getText()), "connection LIVE");
        waitFor(10, () -> cardOf(id) != null, "the card");
        clickOn(fx(() -> lookup(".instance-cell").queryAll().stream()
                .filter(n -> n instanceof IndexedCell<?> c && id.equals(c.getItem())).findFirst().orElseThrow()));
        waitFor(5, () -> id.equals(lookup("#detail-id").queryAs(TextField.class).getText()), "the detail of the instance");
        waitFor(5, () -> lookup("#kpi-total").tryQuery().isPresent() && lookup("#theme-toggle").tryQuery().isPresent(),
                "tiles and toolbar");

        // one source: the chip of a missing state says exactly what the card says
        String chip = fx(() -> lookup("#detail-state").queryAs(Label.class).getText());
        String card = fx(() -> cardOf(id).getAccessibleText());
        assertEquals("NO STATE", chip);
        assertEquals(chip, card.substring(0, card.indexOf(", ")), "card: " + card);

        // the card draws the same icons the chips show, in the icon font (not boxes of a text font)
        Font iconFont = fx(() -> IconGlyph.of(Looks.state(null, null).icon(), 12).font());
        assertNotEquals(Font.getDefault().getFamily(), iconFont.getFamily());
        assertTrue(fx(Font::getFamilies).contains(iconFont.getFamily()), iconFont.getFamily());

        Palette dark = Palette.dark();
        Palette light = Palette.light();
        assertEquals(dark.card(), tile("#detail-cpu").getBackgroundColor());
        assertEquals(dark.panel(), tile("#kpi-total").getBackgroundColor());
        assertTrue(near(dark.cardSelected(), cardBackground(id)), "dark card: " + cardBackground(id));

        clickOn("#theme-toggle");
        waitFor(5, () -> light.card().equals(lookup("#detail-cpu").queryAs(Tile.class).getBackgroundColor()),
                "the detail gauge on the light background");
        Tile gauge = tile("#detail-cpu");
        assertEquals(light.accent(), gauge.getBarColor());
        assertEquals(light.text(), gauge.getValueColor());
        assertEquals(light.muted(), gauge.getTitleColor());
        assertEquals(light.card(), tile("#detail-memory").getBackgroundColor());
        assertEquals(light.panel(), tile("#kpi-total").getBackgroundColor());
        assertEquals(light.color(com.mt5ops.console.ui.look.Role.BAD), tile("#kpi-crashed").getValueColor());
        assertEquals(light.accent(), fx(() -> lookup("#detail-cpu-history").queryAs(Sparkline.class).lineColor()));
        assertEquals(light.accentAlt(), fx(() -> lookup("#detail-memory-history").queryAs(Sparkline.class).lineColor()));
        waitFor(5, () -> near(light.cardSelected(), cardBackground(id)), "the card redrawn light, have " + cardBackground(id));
        Region root = fx(() -> (Region) lookup(".root").query());
        assertEquals(light.bg(), fx(() -> root.getBackground().getFills().get(0).getFill()), "the style sheets' colours");
        assertEquals(chip, fx(() -> lookup("#detail-state").queryAs(Label.class).getText()));

        clickOn("#theme-toggle");
        waitFor(5, () -> dark.card().equals(lookup("#detail-cpu").queryAs(Tile.class).getBackgroundColor()), "dark again");
        assertEquals(dark.bg(), fx(() -> root.getBackground().getFills().get(0).getFill()));
    }
}
