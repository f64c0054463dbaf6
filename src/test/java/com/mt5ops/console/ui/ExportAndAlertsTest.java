package com.mt5ops.console.ui;

import static com.mt5ops.console.ui.ConsoleHarness.fx;
import static com.mt5ops.console.ui.ConsoleHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Export of the current view through the menu, and the notifications of new crashes. */
class ExportAndAlertsTest extends FxRobot {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.withNotifications();

    @TempDir
    Path dir;

    private ConsoleHarness console;

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private void open(Duration alertEvery) throws Exception {
        console = new ConsoleHarness(REDIS.uri(), false, alertEvery);
        waitFor(10, () -> "LIVE".equals(lookup("#connection-state").queryAs(Label.class).getText()), "connection LIVE");
    }

    private String statusMessage() {
        return fx(() -> lookup("#status-message").queryAs(Label.class).getText());
    }

    @Test
    void exportWritesWhatTheViewShowsAndSaysWhere() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        List<String> crashed = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            Fixtures.instance(r, "running");
        }
        for (int k = 0; k < 2; k++) {
            crashed.add(Fixtures.instance(r, "crashed"));
        }
        r.hset("instance_health:" + crashed.get(0), "last_error", "=HYPERLINK(\"http://evil.example\")");
        open(null);
        waitFor(10, () -> console.window.viewModel().visible().size() == 6, "six instances");
        clickOn("#kpi-crashed");
        waitFor(5, () -> console.window.viewModel().visible().size() == 2, "filtered to the crashed");
        List<String> asked = new ArrayList<>();
        console.window.chooseExportFilesWith(name -> {
            asked.add(name);
            return dir.resolve(name).toString();
        });

        clickOn("#export").clickOn("Current view as CSV…");
        Path csv = dir.resolve("mt5-fleet.csv");
        waitFor(5, () -> statusMessage().startsWith("exported"), "the status bar reports the export");
        assertEquals("exported 2 instances to " + csv.toAbsolutePath(), statusMessage());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("instance_id,broker_id,state,"), lines.get(0));
        assertEquals(3, lines.size(), "a header and the two shown rows: " + lines);
        Set<String> ids = new HashSet<>();
        for (String line : lines.subList(1, 3)) {
            ids.add(line.substring(0, line.indexOf(',')));
            assertTrue(line.contains(",crashed,"), line);
        }
        assertEquals(Set.copyOf(crashed), ids);
        assertTrue(lines.stream().anyMatch(l -> l.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\",")),
                "a formula from Redis is defused in the window's export too: " + lines);

        clickOn("#export").clickOn("Current view as snapshot JSON…");
        waitFor(5, () -> statusMessage().endsWith("mt5-fleet.json"), "the JSON export is reported");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("mt5-fleet.json").toFile());
        assertEquals(2, json.get("instances").size());
        assertTrue(json.get("source").asText().startsWith(REDIS.uri().replaceAll("/0$", "")), json.get("source").asText());
        assertEquals(List.of("mt5-fleet.csv", "mt5-fleet.json"), asked);

        console.window.chooseExportFilesWith(name -> dir.resolve("no-such-folder").resolve(name).toString());
        clickOn("#export").clickOn("Current view as CSV…");
        waitFor(5, () -> statusMessage().startsWith("export failed"), "a failed export is reported");
        assertTrue(statusMessage().contains("the folder does not exist"), statusMessage());
        assertTrue(fx(() -> lookup("#status-message").query().getStyleClass().contains("result-bad")));
    }

    @Test
    void aBurstOfCrashesMakesOneNotificationThatLeadsToTheInstance() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            ids.add(Fixtures.instance(r, "running"));
        }
        open(Duration.ofSeconds(1));
        waitFor(10, () -> console.window.viewModel().visible().size() == 5, "five instances");
        for (String id : ids.subList(0, 3)) {
            r.hset("instance:" + id, "state", "crashed");
            r.smove("instance:state:running", "instance:state:crashed", id);
        }
        waitFor(10, () -> !notifications().isEmpty(), "a desktop notification");
        List<Node> shown = notifications();
        assertEquals(1, shown.size(), "one summary for the burst");
        String text = fx(() -> texts(shown.get(0)));
        assertTrue(text.contains("3 instances crashed"), text);

        clickOn(shown.get(0));
        waitFor(5, () -> ids.subList(0, 3).contains(lookup("#detail-id").queryAs(TextField.class).getText()),
                "clicking the notification shows a crashed instance");
    }

    /** The notifications on screen: toasts in the window, over the fleet's area (not over the KPI tiles). */
    private List<Node> notifications() {
        return fx(() -> List.copyOf(lookup(".toast-alert").queryAll()));
    }

    private static String texts(Node root) {
        StringBuilder b = new StringBuilder();
        for (Node n : root.lookupAll(".label")) {
            if (n instanceof Label l && l.getText() != null) {
                b.append(l.getText()).append(" | ");
            }
        }
        return b.toString();
    }
}
