package com.mt5ops.console.ui;

import static com.mt5ops.console.ui.ConsoleHarness.fx;
import static com.mt5ops.console.ui.ConsoleHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Broker names shared in Redis: shown wherever a broker is, live, and renamed from the window with an audit entry. */
class BrokerNamesWindowTest extends FxRobot {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.withNotifications();
    private static final String OTHER = "7d1f0c2a-9b3e-4f6d-8a5c-1e2b3c4d5e6f";

    @TempDir
    Path dir;

    private ConsoleHarness console;

    private void open(boolean readOnly) throws Exception {
        console = new ConsoleHarness(REDIS.uri(), readOnly);
        waitFor(10, () -> "LIVE".equals(lookup("#connection-state").queryAs(Label.class).getText()), "connection LIVE");
    }

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private boolean aCardSays(String id, String text) {
        return lookup(".card").queryAll().stream().anyMatch(n -> String.valueOf(n.getAccessibleText()).contains(id)
                && n.getAccessibleText().contains(text));
    }

    private void clickCard(String id) {
        clickOn(GridCards.card(this, id, 10));
        waitFor(5, () -> lookup("#detail-id").tryQuery().isPresent()
                && id.equals(lookup("#detail-id").queryAs(TextField.class).getText()), "detail of " + id);
    }


    @Test
    void namesFromRedisShowOnCardsHeadersFilterTableAndExportAndFollowChanges() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String named = Fixtures.instance(r, "running");
        String second = Fixtures.instance(r, "crashed");
        String unnamed = Fixtures.instance(r, "running");
        r.hset(KeySchema.instanceKey(unnamed), "broker_id", OTHER);
        r.hset(KeySchema.BROKER_NAMES, Map.of(Fixtures.BROKER, "Desk Alpha", "not-a-broker-here", "ignored"));
        open(false);
        waitFor(10, () -> aCardSays(named, "broker Desk Alpha"), "the card shows the broker's name");
        assertTrue(fx(() -> aCardSays(unnamed, "broker 7d1f0c2a…")), "an unnamed broker keeps its short id");

        clickOn("#sort").clickOn("broker (grouped)");
        waitFor(5, () -> lookup(".group-header").queryAll().size() == 2, "two broker header cards");
        List<String> headers = fx(() -> lookup(".group-header").queryAll().stream().map(Node::getAccessibleText).sorted().toList());
        assertTrue(headers.get(0).startsWith("broker 7d1f0c2a-9b3e-4f6d-8a5c-1e2b3c4d5e6f, 1 instances"), headers.get(0));
        assertTrue(headers.get(1).startsWith("broker Desk Alpha (" + Fixtures.BROKER + "), 2 instances"), headers.get(1));

        @SuppressWarnings("unchecked")
        ComboBox<String> filter = fx(() -> (ComboBox<String>) lookup("#broker-filter").queryAs(ComboBox.class));
        assertEquals("Desk Alpha", fx(() -> filter.getConverter().toString(Fixtures.BROKER)), "the broker filter names it");
        assertEquals("7d1f0c2a-9b3e…", fx(() -> filter.getConverter().toString(OTHER)));

        clickOn("#search").write("desk alpha");
        waitFor(5, () -> console.window.viewModel().visible().size() == 2, "the search finds brokers by name");
        fx(() -> {
            lookup("#search").queryAs(TextField.class).clear();
            return null;
        });

        clickOn("#view-toggle");
        waitFor(5, () -> lookup(".table-cell").queryAll().stream()
                .anyMatch(c -> "Desk Alpha".equals(((javafx.scene.control.TableCell<?, ?>) c).getText())), "the table names it");
        clickOn("#view-toggle");

        console.window.chooseExportFilesWith(name -> dir.resolve(name).toString());
        clickOn("#export").clickOn("Current view as CSV…");
        waitFor(5, () -> fx(() -> lookup("#status-message").queryAs(Label.class).getText()).startsWith("exported"), "exported");
        List<String> lines = Files.readAllLines(dir.resolve("mt5-fleet.csv"));
        assertTrue(lines.get(0).startsWith("instance_id,broker_id,state,") && lines.get(0).endsWith(",problems,broker_name"), lines.get(0));
        assertTrue(lines.stream().filter(l -> l.startsWith(named) || l.startsWith(second)).allMatch(l -> l.endsWith(",Desk Alpha")), lines.toString());
        assertTrue(lines.stream().filter(l -> l.startsWith(unnamed)).allMatch(l -> l.endsWith(",")), "no name: an empty cell");

        r.hset(KeySchema.BROKER_NAMES, Fixtures.BROKER, "Desk \u001b[31mBeta\u202e");
        waitFor(5, () -> aCardSays(named, "broker Desk \\x1b[31mBeta\\u202e"), "a new name arrives live, escaped");
    }

    @Test
    void renameFromTheWindowWritesTheNameWithExactlyOneAuditEntry() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        r.hset(KeySchema.BROKER_NAMES, Fixtures.BROKER, "Desk Alpha");
        open(false);
        clickCard(id);
        waitFor(5, () -> fx(() -> lookup("#detail").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().startsWith("broker Desk Alpha (" + Fixtures.BROKER + ")"))),
                "the detail pane names the broker and keeps its id");
        clickOn("#rename-broker");
        waitFor(5, () -> lookup("#broker-name").tryQuery().isPresent(), "the rename dialog");
        assertEquals("Desk Alpha", fx(() -> lookup("#broker-name").queryAs(TextField.class).getText()));
        fx(() -> {
            lookup("#broker-name").queryAs(TextField.class).setText("x".repeat(65));
            return null;
        });
        assertTrue(fx(() -> lookup("#confirm-ok").queryButton().isDisabled()), "too long: OK waits");
        fx(() -> {
            lookup("#broker-name").queryAs(TextField.class).setText("Desk Gamma");
            return null;
        });
        clickOn("#reason").write("desk moved");
        clickOn("#confirm-ok");
        waitFor(10, () -> "Desk Gamma".equals(r.hget(KeySchema.BROKER_NAMES, Fixtures.BROKER)), "the name written");
        List<StreamMessage<String, String>> audit = r.xrange(KeySchema.AUDIT_STREAM, Range.create("-", "+"));
        assertEquals(1, audit.size(), "exactly one audit entry");
        Map<String, String> e = audit.get(0).getBody();
        assertEquals("broker-name", e.get("action"));
        assertEquals(Fixtures.BROKER, e.get("broker_id"));
        assertEquals("Desk Alpha", e.get("from"));
        assertEquals("Desk Gamma", e.get("to"));
        assertEquals("desk moved", e.get("reason"));
        assertEquals("tester", e.get("operator"));
        assertEquals("default", e.get("redis_user"));
        waitFor(5, () -> aCardSays(id, "broker Desk Gamma"), "the card follows");
        waitFor(5, () -> fx(() -> lookup("#action-result").queryAs(Label.class).getText()).startsWith("done"), "the result");
    }

    private static javafx.scene.control.ContextMenu shownMenu() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())
                .map(w -> (javafx.scene.control.ContextMenu) w).findFirst().orElse(null);
    }

    @Test
    void aReadOnlyConsoleCannotRename() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        open(true);
        clickCard(id);
        waitFor(5, () -> lookup("#rename-broker").tryQuery().isPresent(), "the detail's actions");
        assertTrue(fx(() -> lookup("#rename-broker").queryAs(Button.class).isDisabled()));
        clickOn("#sort").clickOn("broker (grouped)");
        waitFor(5, () -> lookup(".group-header").queryAll().size() == 1, "the broker's header card");
        Node header = fx(() -> lookup(".group-header").query());
        rightClickOn(header);
        waitFor(5, () -> shownMenu() != null, "the header's menu");
        assertEquals(List.of("Rename broker…"), fx(() -> shownMenu().getItems().stream().map(javafx.scene.control.MenuItem::getText).toList()));
        assertTrue(fx(() -> shownMenu().getItems().get(0).isDisable()), "its rename is off");
        type(javafx.scene.input.KeyCode.ESCAPE);
        fx(() -> {
            console.window.viewModel().brokerNames().askRename(Fixtures.BROKER); // even asked directly
            return null;
        });
        assertTrue(lookup("#broker-name").tryQuery().isEmpty(), "no rename dialog");
        assertFalse(r.exists(KeySchema.BROKER_NAMES) > 0);
        assertEquals(0, r.exists(KeySchema.AUDIT_STREAM));
    }
}
