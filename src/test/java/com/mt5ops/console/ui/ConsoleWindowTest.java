package com.mt5ops.console.ui;

import static com.mt5ops.console.ui.ConsoleHarness.fx;
import static com.mt5ops.console.ui.ConsoleHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import eu.hansolo.tilesfx.Tile;
import io.lettuce.core.Range;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

class ConsoleWindowTest extends FxRobot {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.withNotifications();

    private ConsoleHarness console;

    private ConsoleHarness open(boolean readOnly) throws Exception {
        console = new ConsoleHarness(REDIS.uri(), readOnly);
        waitFor(10, () -> "LIVE".equals(lookup("#connection-state").queryAs(Label.class).getText()), "connection LIVE");
        return console;
    }

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private int visibleCount() {
        return fx(() -> console.window.viewModel().visible().size());
    }

    private void awaitVisible(int n) {
        waitFor(10, () -> console.window.viewModel().visible().size() == n, n + " visible instances, have " + visibleCount());
    }

    /** Clicks the card that shows the given id (the grid cell holding it). */
    private void clickCard(String id) {
        Node card = GridCards.card(this, id, 5);
        clickOn(card);
    }


    @Test
    void gridShowsTheFleetWithLiveCountsAndCards() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        for (int k = 0; k < 12; k++) {
            Fixtures.instance(r, "running");
        }
        String crashed = Fixtures.instance(r, "crashed");
        open(false);
        awaitVisible(13);
        waitFor(5, () -> lookup("#kpi-total").queryAs(Tile.class).getValue() == 13, "total tile shows 13");
        assertEquals(1.0, fx(() -> lookup("#kpi-crashed").queryAs(Tile.class).getValue()));
        assertTrue(fx(() -> lookup(".kpi-title").queryAll().stream().map(n -> ((Label) n).getText()).toList())
                .containsAll(List.of("Total", "Running", "Crashed", "Critical health", "Stale or lost", "Data problems")));
        assertEquals(crashed, fx(() -> console.window.viewModel().visible().get(0)), "problems first: the crashed one leads");
        String later = Fixtures.instance(r, "stopped");
        waitFor(5, () -> console.window.viewModel().get(later) != null, "a new instance appears live");
        waitFor(5, () -> lookup(".card").queryAll().stream().anyMatch(n -> String.valueOf(n.getAccessibleText()).contains("CRASHED")
                && n.getAccessibleText().contains(crashed)), "the crashed card says CRASHED");
        // since when it crashed (its state was written just now), not "up 0s"
        waitFor(5, () -> lookup(".card").queryAll().stream().anyMatch(n -> String.valueOf(n.getAccessibleText()).contains(crashed)
                && n.getAccessibleText().matches(".*, crashed \\d+s ago, .*")), "the crashed card says since when");
        // a full row of cards spreads over the grid: no strip left over on the right
        double[] edges = fx(() -> {
            Node grid = lookup("#fleet-grid").query();
            double left = Double.MAX_VALUE;
            double right = 0;
            for (Node card : lookup(".card").queryAll()) {
                javafx.geometry.Bounds b = grid.sceneToLocal(card.localToScene(card.getBoundsInLocal()));
                left = Math.min(left, b.getMinX());
                right = Math.max(right, b.getMaxX());
            }
            return new double[] {left, grid.getLayoutBounds().getWidth() - right};
        });
        assertTrue(edges[1] - 18 <= edges[0] + 2, "margins left " + edges[0] + ", right " + edges[1] + " (18 of it the scroll bar)");
    }

    /** The tooltip showing now, if any (tooltips are made only when the pointer first comes over their node). */
    private String shownTooltip() {
        return fx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing())
                .map(w -> ((javafx.scene.control.Tooltip) w).getText()).findFirst().orElse(""));
    }

    @Test
    void hoveringACardOrAButtonShowsItsHint() throws Exception {
        var r = REDIS.redis();
        String id = Fixtures.instance(r, "crashed");
        r.hset("instance_health:" + id, "last_error", "trade server unreachable");
        open(false);
        awaitVisible(1);
        moveTo(GridCards.card(this, id, 5));
        moveBy(3, 3);
        waitFor(5, () -> shownTooltip().contains(id) && shownTooltip().contains("last error: trade server unreachable"),
                "the card's tooltip, have '" + shownTooltip() + "'");
        moveTo("#problems-only");
        moveBy(2, 1);
        waitFor(5, () -> shownTooltip().startsWith("Crashed, critical"), "the toggle's hint, have '" + shownTooltip() + "'");
    }

    @Test
    void searchAndFiltersNarrowTheGrid() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            ids.add(Fixtures.instance(r, "running"));
        }
        String odd = Fixtures.instance(r, "crashed");
        r.hset("instance_health:" + odd, "last_error", "Trade server connection lost");
        String broken = Fixtures.instance(r, "running");
        r.hset("instance_metrics:" + broken, "cpu_usage", "abc");
        open(false);
        awaitVisible(8);

        type(javafx.scene.input.KeyCode.SLASH);
        write("trade server");
        assertEquals("trade server", fx(() -> lookup("#search").queryAs(TextField.class).getText()), "`/` opens the search, typed nowhere");
        awaitVisible(1);
        assertEquals(odd, fx(() -> console.window.viewModel().visible().get(0)));
        type(javafx.scene.input.KeyCode.ENTER);
        waitFor(5, () -> odd.equals(lookup("#detail-id").queryAs(TextField.class).getText()), "Enter in the search shows the first match");
        clickOn("#search").write(" and nothing else");
        awaitVisible(0);
        assertTrue(fx(() -> lookup("#no-match").query().isVisible()), "an empty result says why");
        fx(() -> {
            lookup("#search").queryAs(TextField.class).clear();
            return null;
        });
        awaitVisible(8);
        assertFalse(fx(() -> lookup("#no-match").query().isVisible()));

        clickOn("#kpi-crashed");
        awaitVisible(1);
        clickOn("#kpi-total");
        awaitVisible(8);
        clickOn("#kpi-fleet-cpu");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8, visibleCount(), "the CPU tile informs, it does not filter");

        clickOn("#problems-only");
        awaitVisible(2);
        assertTrue(fx(() -> console.window.viewModel().visible().containsAll(List.of(odd, broken))));
    }

    @Test
    void selectionStaysOnTheSameInstanceWhileUpdatesArrive() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            ids.add(Fixtures.instance(r, "running"));
        }
        open(false);
        awaitVisible(10);
        String chosen = fx(() -> console.window.viewModel().visible().get(4));
        clickCard(chosen);
        waitFor(5, () -> chosen.equals(lookup("#detail-id").queryAs(TextField.class).getText()), "detail shows the chosen instance");
        int before = fx(() -> console.window.viewModel().indexOf(chosen));
        for (String id : ids) {
            r.hset("instance_metrics:" + id, "cpu_usage", "55.5");
        }
        for (int k = 0; k < 3; k++) {
            r.hset("instance:" + ids.get(9 - k), "state", "crashed");
        }
        String otherBroker = Fixtures.instance(r, "running");
        r.hset("instance:" + otherBroker, "broker_id", "0b6f3c1e-2f4a-4d7b-9c1e-5a8d2e7f9b30");
        waitFor(5, () -> ids.subList(7, 10).stream().allMatch(id -> console.window.viewModel().get(id).raw().instance().get("state").equals("crashed"))
                && console.window.viewModel().brokers().size() == 2
                && console.window.viewModel().pendingResort().get() > 0, "updates and a new broker applied, re-sort offered");
        assertEquals(List.of("any broker"), fx(() -> from(lookup("#broker-filter").queryAll()).lookup(".list-cell").queryAll().stream()
                        .map(c -> ((javafx.scene.control.ListCell<?>) c).getText()).filter(t -> t != null).toList()),
                "a new broker in the list does not filter by it");
        assertEquals(chosen, fx(() -> console.window.viewModel().selection().focused().get()));
        assertEquals(before, (int) fx(() -> console.window.viewModel().indexOf(chosen)), "the order did not move under the operator");
        assertEquals(chosen, fx(() -> lookup("#detail-id").queryAs(TextField.class).getText()));
        assertTrue(fx(() -> lookup("#resort").queryAs(Button.class).getText()).matches("Re-sort \\(\\d+\\)"));
        assertFalse(fx(() -> lookup("#resort").queryAs(Button.class).isDisabled()));
    }

    @Test
    void groupedByBrokerEachBrokerStartsARowBehindItsHeaderCard() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String other = "7d1f0c2a-9b3e-4f6d-8a5c-1e2b3c4d5e6f";
        for (int k = 0; k < 3; k++) {
            Fixtures.instance(r, "running");
        }
        List<String> ofOther = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            String id = Fixtures.instance(r, k == 0 ? "crashed" : "running");
            r.hset("instance:" + id, "broker_id", other);
            ofOther.add(id);
        }
        open(false);
        awaitVisible(5);
        clickOn("#sort").clickOn("broker (grouped)");
        waitFor(5, () -> lookup(".group-header").queryAll().size() == 2, "two broker header cards");
        List<String> headers = fx(() -> lookup(".group-header").queryAll().stream().map(Node::getAccessibleText).sorted().toList());
        assertTrue(headers.get(0).startsWith("broker " + Fixtures.BROKER + ", 3 instances, 0 crashed"), headers.get(0));
        assertTrue(headers.get(1).startsWith("broker " + other + ", 2 instances, 1 crashed"), headers.get(1));
        int columns = fx(() -> console.window.gridColumns());
        assertTrue(columns > 1, "the test window fits several cards per row");
        for (int index : fx(() -> lookup(".instance-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.IndexedCell<?>) n).getGraphic() != null
                        && ((javafx.scene.control.IndexedCell<?>) n).getGraphic().getStyleClass().contains("group-header"))
                .map(n -> ((javafx.scene.control.IndexedCell<?>) n).getIndex()).toList())) {
            assertEquals(0, index % columns, "a header opens a row (cell " + index + ", " + columns + " per row)");
        }
        assertEquals(5, visibleCount(), "headers are not instances: the count stays");
        assertEquals(ofOther, fx(() -> console.window.viewModel().visible().stream().filter(ofOther::contains).toList()),
                "within a broker, problems first: the crashed one leads its group");

        // the table view, grouped: a rule above the first row of the second broker, and only there
        clickOn("#view-toggle");
        waitFor(5, () -> lookup(".table-view").tryQuery().isPresent(), "the table view");
        List<Object> ruled = fx(() -> lookup(".group-start").queryAll().stream()
                .map(n -> (Object) ((javafx.scene.control.TableRow<?>) n).getItem()).toList());
        String secondGroupFirst = fx(() -> console.window.viewModel().visible().get(3));
        assertEquals(List.of(secondGroupFirst), ruled, "one rule, above the first row of the second broker");
        clickOn("#view-toggle");
        waitFor(5, () -> lookup(".group-header").queryAll().size() == 2, "back to the grid");

        clickOn(lookup(".group-header").queryAll().stream().filter(n -> n.getAccessibleText().contains(other)).findFirst().orElseThrow());
        awaitVisible(2);
        assertTrue(fx(() -> console.window.viewModel().visible().containsAll(ofOther)));
    }

    @Test
    void theDetailComesBackAfterTheSelectionIsClearedAndTheTableViewListsTheFleet() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            ids.add(Fixtures.instance(r, "running"));
        }
        String old = java.time.Instant.now().minusSeconds(900).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        for (String key : List.of("instance:", "instance_metrics:", "instance_health:")) {
            r.hset(key + ids.get(1), "last_updated_at", old);
        }
        open(false);
        awaitVisible(4);
        clickCard(ids.get(0));
        waitFor(5, () -> ids.get(0).equals(lookup("#detail-id").queryAs(TextField.class).getText()), "detail of the first");
        assertEquals(1.0, fx(() -> lookup("#detail-cpu").query().getOpacity()), "fresh data: gauges at full strength");
        type(javafx.scene.input.KeyCode.ESCAPE);
        waitFor(5, () -> lookup("#detail-id").tryQuery().isEmpty(), "Esc clears the detail");
        clickCard(ids.get(1));
        waitFor(5, () -> lookup("#detail-id").tryQuery().isPresent()
                && ids.get(1).equals(lookup("#detail-id").queryAs(TextField.class).getText()), "detail of the second");
        assertFalse(fx(() -> lookup("#action-buttons").queryAs(javafx.scene.layout.Pane.class).getChildren().isEmpty()),
                "its actions are back too");
        assertTrue(fx(() -> lookup("#detail-cpu").query().getOpacity() < 1 && lookup("#detail-memory").query().getOpacity() < 1),
                "15-minute-old data: the gauges fade, they do not pass for live");

        clickOn("#view-toggle");
        waitFor(5, () -> lookup(".table-view").tryQuery().isPresent(), "the table view");
        assertEquals(4, (int) fx(() -> lookup(".table-view").queryAs(javafx.scene.control.TableView.class).getItems().size()));
        clickOn("#view-toggle");
        waitFor(5, () -> lookup(".table-view").tryQuery().isEmpty() && lookup("#fleet-grid").tryQuery().isPresent(), "back to the grid");
    }

    @Test
    void transitionThroughTheButtonChangesRedisAndWritesTheAudit() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "crashed");
        open(false);
        awaitVisible(1);
        clickCard(id);
        waitFor(5, () -> lookup("#action-running").tryQuery().isPresent(), "recover button");
        clickOn("#action-running");
        waitFor(5, () -> lookup("#confirm-what").tryQuery().isPresent(), "confirmation");
        String what = fx(() -> lookup("#confirm-what").queryAs(Label.class).getText());
        assertTrue(what.contains("crashed → running"), what);
        clickOn("#reason").write("recovered after broker fix");
        clickOn("#confirm-ok");
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> "running".equals(r.hget("instance:" + id, "state")));
        Map<String, String> audit = r.xrange("console:audit", Range.create("-", "+")).get(0).getBody();
        assertEquals("tester", audit.get("operator"));
        assertEquals("crashed", audit.get("from"));
        assertEquals("running", audit.get("to"));
        assertEquals("recovered after broker fix", audit.get("reason"));
        waitFor(5, () -> lookup("#action-result").queryAs(Label.class).getText().startsWith("done"), "result shown");
        waitFor(5, () -> lookup("#detail-state").queryAs(Label.class).getText().equals("RUNNING"), "detail shows the new state");
    }

    @Test
    void conflictMadeUnderneathIsShown() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        open(false);
        awaitVisible(1);
        clickCard(id);
        waitFor(5, () -> lookup("#action-stopped").tryQuery().isPresent(), "stop button");
        clickOn("#action-stopped");
        waitFor(5, () -> lookup("#confirm-ok").tryQuery().isPresent(), "confirmation");
        r.hset("instance:" + id, "state", "crashed");
        clickOn("#confirm-ok");
        waitFor(10, () -> lookup("#action-result").queryAs(Label.class).getText().startsWith("conflict"), "conflict shown");
        assertTrue(fx(() -> lookup("#action-result").queryAs(Label.class).getText()).contains("'crashed'"));
        assertEquals("crashed", r.hget("instance:" + id, "state"));
        assertEquals(0, r.exists("console:audit"));
    }

    @Test
    void bulkRestartNeedsTheTypedCountAndMovesEverySelectedInstance() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            ids.add(Fixtures.instance(r, "crashed"));
        }
        String untouched = Fixtures.instance(r, "running");
        open(false);
        awaitVisible(4);
        clickCard(ids.get(0));
        press(javafx.scene.input.KeyCode.CONTROL);
        clickCard(ids.get(1));
        clickCard(ids.get(2));
        release(javafx.scene.input.KeyCode.CONTROL);
        waitFor(5, () -> console.window.viewModel().selection().ids().size() == 3, "three selected");
        assertEquals("3 selected", fx(() -> lookup("#selection-chip").queryAs(Label.class).getText()));
        assertTrue(fx(() -> lookup("#selection-chip").query().isVisible()), "the chip says how many a key will reach");
        type(javafx.scene.input.KeyCode.R);
        waitFor(5, () -> lookup("#confirm-count").tryQuery().isPresent(), "bulk confirmation");
        assertTrue(fx(() -> lookup("#confirm-ok").queryButton().isDisabled()), "OK waits for the count");
        clickOn("#confirm-count").write("2");
        assertTrue(fx(() -> lookup("#confirm-ok").queryButton().isDisabled()));
        fx(() -> {
            lookup("#confirm-count").queryAs(TextField.class).setText("3");
            return null;
        });
        clickOn("#confirm-ok");
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> ids.stream().allMatch(id -> "restarting".equals(r.hget("instance:" + id, "state"))));
        assertEquals("running", r.hget("instance:" + untouched, "state"));
        assertEquals(3L, r.xlen("console:audit"));
        waitFor(5, () -> lookup("#action-result").queryAs(Label.class).getText().equals("3 marked a restart"), "the result in words");
    }

    @Test
    void readOnlyModeDisablesActionsAndSaysWhy() throws Exception {
        String id = Fixtures.instance(REDIS.redis(), "crashed");
        open(true);
        awaitVisible(1);
        clickCard(id);
        waitFor(5, () -> lookup("#action-running").tryQuery().isPresent(), "buttons");
        assertTrue(fx(() -> lookup("#action-running").queryAs(Button.class).isDisabled()));
        assertTrue(fx(() -> lookup("#read-only-note").queryAs(Label.class).isVisible()));
        assertTrue(fx(() -> lookup("#read-only-note").queryAs(Label.class).getText()).contains("read-only"));
        assertTrue(fx(() -> lookup("#read-only-tag").queryAs(Label.class).isVisible()));
        type(javafx.scene.input.KeyCode.R);
        assertEquals("crashed", REDIS.redis().hget("instance:" + id, "state"));
    }

    @Test
    void bannerAppearsWhenRedisDiesAndClearsWhenItIsBack() throws Exception {
        Fixtures.instance(REDIS.redis(), "running");
        open(false);
        awaitVisible(1);
        assertFalse(fx(() -> lookup("#connection-banner").query().isVisible()));
        REDIS.server().kill();
        waitFor(3, () -> lookup("#connection-banner").query().isVisible(), "banner after the kill");
        String text = fx(() -> lookup("#banner-text").queryAs(Label.class).getText());
        assertTrue(text.contains("RECONNECTING") || text.contains("DISCONNECTED"), text);
        assertTrue(text.contains("showing data as of"), text);
        REDIS.server().restart();
        waitFor(15, () -> "LIVE".equals(lookup("#connection-state").queryAs(Label.class).getText()), "LIVE again");
        waitFor(5, () -> !lookup("#connection-banner").query().isVisible(), "banner gone");
    }

    @Test
    void whileTheLiveClientConnectsTheFirstPictureSaysWhatItIs() throws Exception {
        for (int k = 0; k < 3; k++) {
            Fixtures.instance(REDIS.redis(), "running");
        }
        java.util.concurrent.CompletableFuture<Void> client = new java.util.concurrent.CompletableFuture<>();
        console = new ConsoleHarness(REDIS.uri(), false, null, client);
        awaitVisible(3);
        waitFor(5, () -> console.window.firstPicture().toCompletableFuture().isDone(), "the first picture is drawn");
        // the tiles and the toolbar join right after the first picture, while the client still connects
        waitFor(5, () -> lookup("#search").tryQuery().isPresent() && lookup("#kpi-total").tryQuery().isPresent(), "toolbar and tiles");
        waitFor(5, () -> lookup("#connection-banner").query().isVisible(), "banner while connecting");
        String text = fx(() -> lookup("#banner-text").queryAs(Label.class).getText());
        assertTrue(text.startsWith("Connecting to ") && text.contains("showing data as of") && text.endsWith("live updates follow."), text);
        assertTrue(fx(() -> lookup("#connection-banner").query().getStyleClass().contains("connecting")), "not the red of a lost connection");
        assertEquals("CONNECTING", fx(() -> lookup("#connection-state").queryAs(Label.class).getText()));
        client.complete(null);
        waitFor(10, () -> "LIVE".equals(lookup("#connection-state").queryAs(Label.class).getText()), "LIVE once the client is in");
        waitFor(5, () -> !lookup("#connection-banner").query().isVisible(), "banner gone");
    }

    @Test
    void theToolbarRowKeepsItsHeightWhenItsControlsJoinSoTheGridDoesNotMove() throws Exception {
        console = new ConsoleHarness(REDIS.uri(), false); // the toolkit, and the window's style sheets to borrow
        double[] heights = new double[2];
        interact(() -> {
            com.mt5ops.console.ui.fleet.FleetViewModel vm = new com.mt5ops.console.ui.fleet.FleetViewModel(com.mt5ops.console.model.FreshnessPolicy.defaults(), java.time.Clock.systemUTC());
            com.mt5ops.console.ui.toolbar.FleetToolbar bar = new com.mt5ops.console.ui.toolbar.FleetToolbar(vm,
                    new javafx.scene.control.ToggleButton("Table view"));
            javafx.scene.layout.VBox root = new javafx.scene.layout.VBox(bar.node());
            javafx.scene.Scene scene = new javafx.scene.Scene(root, 1500, 200);
            scene.getStylesheets().setAll(console.window.styleSheets());
            root.applyCss();
            root.layout();
            heights[0] = bar.node().getLayoutBounds().getHeight();
            bar.attach();
            root.applyCss();
            root.layout();
            heights[1] = bar.node().getLayoutBounds().getHeight();
        });
        assertTrue(heights[1] > 20, "the controls are laid out: " + heights[1]);
        assertEquals(heights[1], heights[0], "empty and full rows are the same height");
    }
}
