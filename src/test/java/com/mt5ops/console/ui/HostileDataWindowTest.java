package com.mt5ops.console.ui;

import static com.mt5ops.console.ui.ConsoleHarness.fx;
import static com.mt5ops.console.ui.ConsoleHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** The window against data of hostile size: a last_error of megabytes, a hash of a hundred thousand fields. */
class HostileDataWindowTest extends FxRobot {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.withNotifications();

    private ConsoleHarness console;

    private void open() throws Exception {
        console = new ConsoleHarness(REDIS.uri(), false);
        waitFor(10, () -> "LIVE".equals(lookup("#connection-state").queryAs(Label.class).getText()), "connection LIVE");
    }

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private Node card(String id) {
        return GridCards.card(this, id, 10);
    }


    private void select(String id) {
        clickOn(card(id));
        waitFor(5, () -> lookup("#detail-id").tryQuery().isPresent() && id.equals(lookup("#detail-id").queryAs(TextField.class).getText()),
                "the detail of " + id);
    }

    private String shownTooltip() {
        return fx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing())
                .map(w -> ((javafx.scene.control.Tooltip) w).getText()).findFirst().orElse(""));
    }

    @Test
    void aTenMegabyteLastErrorIsShownFoldedWithItsLengthAndCopiedWhole() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "crashed");
        String error = "trade server unreachable: " + "x".repeat(10 * 1024 * 1024 - 30) + " END";
        assertEquals(10_485_760, error.length());
        r.hset("instance_health:" + id, "last_error", error);
        open();
        select(id);

        String shown = fx(() -> lookup("#detail-last-error").queryAs(Label.class).getText());
        assertTrue(shown.startsWith("last error: trade server unreachable: xxx"), shown.substring(0, 60));
        assertTrue(shown.endsWith("… (10,485,760 chars)"), shown.substring(shown.length() - 40));
        assertTrue(shown.length() < 400, "folded to " + shown.length() + " chars");
        assertTrue(fx(() -> lookup("#fields-grid .label").queryAll().stream().map(n -> ((Label) n).getText())
                .anyMatch(t -> t.startsWith("trade server unreachable") && t.endsWith("… (10,485,760 chars)") && t.length() < 400)),
                "the raw field is folded too");

        clickOn("#detail-last-error-copy");
        String copied = fx(() -> Clipboard.getSystemClipboard().getString());
        assertEquals(error.length(), copied.length());
        assertEquals(error, copied, "Copy puts the whole value on the clipboard");

        clickOn("#detail-last-error-show");
        waitFor(5, () -> lookup("#long-text-area").tryQuery().isPresent(), "the Show all window");
        int inWindow = fx(() -> lookup("#long-text-area").queryAs(TextArea.class).getText().length());
        assertTrue(inWindow > 100_000 && inWindow < 100_100, "the window holds the start only: " + inWindow);
        assertTrue(fx(() -> lookup("#long-text-note").queryAs(Label.class).getText()).contains("of 10,485,760 characters"));
        fx(() -> {
            Clipboard.getSystemClipboard().clear();
            return null;
        });
        clickOn("#long-text-copy-all");
        assertEquals(error, fx(() -> Clipboard.getSystemClipboard().getString()), "Copy all in the window takes everything");
        fx(() -> {
            ((javafx.stage.Stage) lookup("#long-text-dialog").query().getScene().getWindow()).close();
            return null;
        });

        moveTo(card(id));
        moveBy(3, 3);
        waitFor(5, () -> shownTooltip().contains(id), "the card's tooltip");
        String tip = shownTooltip();
        assertTrue(tip.contains("last error: trade server unreachable") && tip.contains("… (10,485,760 chars)") && tip.length() < 1_000,
                "the tooltip is folded too: " + tip.length() + " chars");
    }

    @Test
    void aHashOfAHundredThousandFieldsShowsTwoHundredRowsAndACountAndTheWindowKeepsUp() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String wide = Fixtures.instance(r, "running");
        String other = Fixtures.instance(r, "running");
        Map<String, String> extra = new HashMap<>();
        for (int k = 0; k < 99_995; k++) {
            extra.put(String.format("f%06d", k), "value " + k);
        }
        r.hset("instance:" + wide, extra);
        assertEquals(100_000, r.hlen("instance:" + wide));
        open();
        select(wide);

        waitFor(5, () -> lookup("#fields-more-instance").tryQuery().isPresent(), "the count of the fields not shown");
        assertEquals("… and 99,800 more fields", fx(() -> lookup("#fields-more-instance").queryAs(Label.class).getText()));
        List<String> names = fx(() -> lookup("#fields-grid .field-name").queryAll().stream().map(n -> ((Label) n).getText()).toList());
        assertEquals(200 + 5 + 5, names.size(), "200 rows of the wide hash, the 5 of each other hash");
        assertTrue(names.containsAll(List.of("state", "broker_id", "launch_mode", "active_connections", "last_updated_at", "f000000", "f000194")),
                "the fields the console reads, then the first others by name: " + names);
        Node firstRow = fx(() -> lookup("#fields-grid .field-name").query());

        r.hset("instance_metrics:" + other, "cpu_usage", "77.5");
        waitFor(3, () -> Double.valueOf(77.5).equals(console.window.viewModel().get(other).cpuOrNull()), "another instance's change shows at once");
        assertSame(firstRow, fx(() -> lookup("#fields-grid .field-name").query()), "a change elsewhere does not rebuild the fields");

        r.hset("instance:" + wide, "f000000", "changed");
        waitFor(5, () -> lookup("#fields-grid .label").queryAll().stream().anyMatch(n -> "changed".equals(((Label) n).getText())),
                "its own change shows");
        assertNotSame(firstRow, fx(() -> lookup("#fields-grid .field-name").query()), "its own change rebuilds them");
        r.hset("instance_metrics:" + other, "cpu_usage", "12.5");
        waitFor(3, () -> Double.valueOf(12.5).equals(console.window.viewModel().get(other).cpuOrNull()), "and the window still keeps up");
    }
}
