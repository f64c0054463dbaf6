package com.mt5ops.console.ui;

import static com.mt5ops.console.ui.ConsoleHarness.fx;
import static com.mt5ops.console.ui.ConsoleHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import com.mt5ops.console.ui.detail.Sparkline;
import eu.hansolo.tilesfx.Tile;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What an operator relies on in an incident: data ages that tick, a table as telling as the grid, Esc, filters, actions. */
class TriageWindowTest extends FxRobot {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.withNotifications();

    private ConsoleHarness console;

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private void open() throws Exception {
        console = new ConsoleHarness(REDIS.uri(), false);
        waitFor(10, () -> "LIVE".equals(lookup("#connection-state").queryAs(Label.class).getText()), "connection LIVE");
    }

    private Node card(String id) {
        waitFor(10, () -> lookup(".instance-cell").queryAll().stream().anyMatch(n -> shows(n, id)), "card for " + id);
        return fx(() -> lookup(".instance-cell").queryAll().stream().filter(n -> shows(n, id)).findFirst().orElseThrow());
    }

    private static boolean shows(Node cell, String id) {
        return cell instanceof IndexedCell<?> c && id.equals(c.getItem()) && cell.isVisible();
    }

    private void select(String id) {
        clickOn(card(id));
        waitFor(5, () -> lookup("#detail-id").tryQuery().isPresent() && id.equals(lookup("#detail-id").queryAs(TextField.class).getText()),
                "the detail of " + id);
    }

    private String text(String query) {
        return fx(() -> lookup(query).queryAs(Label.class).getText());
    }

    /** All three hashes of {@code id} last updated {@code seconds} ago. */
    private static void updatedAgo(RedisCommands<String, String> r, String id, long seconds) {
        String then = Instant.now().minusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString();
        for (String key : List.of("instance:", "instance_metrics:", "instance_health:")) {
            r.hset(key + id, "last_updated_at", then);
        }
    }

    @Test
    void theDataAgeTicksInTheDetailTheCardAndTheHintFromOneClockUntilItSaysAging() throws Exception {
        var r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        updatedAgo(r, id, 5);
        open();
        select(id);
        String first = text("#detail-age");
        assertTrue(first.startsWith("data ") && !first.contains("AGING"), first);
        Set<String> seen = new LinkedHashSet<>();
        waitFor(12, () -> {
            seen.add(lookup("#detail-age").queryAs(Label.class).getText());
            return lookup("#detail-age").queryAs(Label.class).getText().contains("AGING");
        }, "the detail says AGING, saw " + seen);
        assertTrue(seen.size() >= 3, "it ticked on the way: " + seen);
        Node cell = card(id);
        waitFor(3, () -> String.valueOf(((IndexedCell<?>) cell).getGraphic().getAccessibleText()).contains("data AGING"),
                "the card says AGING too");
        // the hint says it as well, and ticks while it shows
        moveTo(card(id));
        moveBy(3, 3);
        waitFor(5, () -> hint().contains("data AGING"), "the card's hint with the data's age, have '" + hint() + "'");
        String before = hint();
        waitFor(4, () -> !hint().isEmpty() && !hint().equals(before), "the hint ticks");
    }

    private String hint() {
        return fx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing())
                .map(w -> ((javafx.scene.control.Tooltip) w).getText()).findFirst().orElse(""));
    }

    @Test
    void whileTheConnectionIsNotCurrentTheActionsAreOffWithTheReasonAndTheDetailSaysAsOfWhen() throws Exception {
        String id = Fixtures.instance(REDIS.redis(), "crashed");
        open();
        select(id);
        waitFor(5, () -> !lookup("#action-running").queryAs(Button.class).isDisabled(), "the action on while LIVE");
        assertFalse(fx(() -> lookup("#actions-off-note").query().isVisible()));
        REDIS.server().kill();
        waitFor(5, () -> lookup("#action-running").queryAs(Button.class).isDisabled(), "the action off once the connection is lost");
        waitFor(5, () -> lookup("#actions-off-note").query().isVisible(), "the reason under the buttons");
        String reason = text("#actions-off-note");
        assertTrue(reason.matches(".*(RECONNECTING|DISCONNECTED|STALLED).*") && reason.contains("LIVE again"), reason);
        assertNull(fx(() -> Shown.problem(lookup("#actions-off-note").query())));
        assertTrue(fx(() -> lookup(".action-button").queryAll().stream().allMatch(Node::isDisabled)), "every action button");
        waitFor(5, () -> text("#detail-age").contains("showing data as of"), "the detail says as of when, have " + text("#detail-age"));
        clickOn("#action-running");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#confirm-ok").tryQuery().isEmpty(), "a disabled action asks nothing");
        clickOn("#fleet-grid");
        type(javafx.scene.input.KeyCode.U); // the key of the same action: refused with the reason, nothing asked
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#confirm-ok").tryQuery().isEmpty(), "the action key asks nothing while not connected");
        REDIS.server().restart();
        waitFor(15, () -> "LIVE".equals(lookup("#connection-state").queryAs(Label.class).getText()), "LIVE again");
        waitFor(5, () -> lookup("#detail > .label").queryAll().stream().anyMatch(n -> ((Label) n).getText().contains("not in Redis any more")), "a restarted test Redis is empty: the detail says so");
        Fixtures.instance(REDIS.redis(), id, "crashed");
        waitFor(5, () -> lookup("#action-running").tryQuery().isPresent() && !lookup("#action-running").queryAs(Button.class).isDisabled() && !lookup("#actions-off-note").query().isVisible(),
                "the actions back");
    }

    @Test
    void aFrozenRedisShowsAsStalledWithinThreeSecondsGreyingTheFleetAndLiveAgainWhenItAnswers() throws Exception {
        Fixtures.instance(REDIS.redis(), "running");
        open();
        long pid = REDIS.server().pid();
        assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor());
        try {
            // 3 s by design (a PING a second, late after 2 s); 1 s more for a loaded CI machine
            waitFor(4, () -> "STALLED".equals(lookup("#connection-state").queryAs(Label.class).getText()), "STALLED in the status bar");
            waitFor(2, () -> lookup("#connection-banner").query().isVisible()
                    && text("#banner-text").startsWith("STALLED:") && text("#banner-text").contains("does not answer"), "the banner says so");
            assertTrue(fx(() -> lookup("#fleet-area").query().getOpacity() < 1), "the fleet is greyed as for a lost connection");
        } finally {
            assertEquals(0, new ProcessBuilder("kill", "-CONT", Long.toString(pid)).start().waitFor());
        }
        waitFor(8, () -> "LIVE".equals(lookup("#connection-state").queryAs(Label.class).getText()), "LIVE again after SIGCONT");
        waitFor(2, () -> !lookup("#connection-banner").query().isVisible(), "the banner gone");
        assertEquals(1.0, fx(() -> lookup("#fleet-area").query().getOpacity()), "the fleet live again");
    }

    @Test
    void theTableShowsTheCardsColoursFadesLostDataNamesProblemsAndCutsNoHeader() throws Exception {
        var r = REDIS.redis();
        String crashed = Fixtures.instance(r, "crashed");
        r.hset("instance_health:" + crashed, "health_status", "critical");
        String lost = Fixtures.instance(r, "running");
        updatedAgo(r, lost, 600);
        String malformed = Fixtures.instance(r, "running");
        r.hset("instance_metrics:" + malformed, "cpu_usage", "abc");
        String fine = Fixtures.instance(r, "running");
        open();
        waitFor(10, () -> console.window.viewModel().visible().size() == 4, "four instances");
        clickOn("#view-toggle");
        waitFor(5, () -> lookup(".table-row-cell").queryAll().stream().filter(n -> ((TableRow<?>) n).getItem() != null).count() == 4, "four rows");
        RowFacts c = facts(crashed);
        assertTrue(c.pseudo().contains("bad"), "the crashed row in the colour of crashed: " + c);
        assertEquals(List.of("CRASHED", "critical"), c.looks(), c.toString());
        assertTrue(c.lookPseudo().stream().allMatch(p -> p.contains("bad")), c.toString());
        assertTrue(c.cells().get(8).startsWith("crashed · critical health"), c.toString());
        RowFacts l = facts(lost);
        assertTrue(l.styles().contains("faded") && l.opacity() < 1, "lost data is faded: " + l);
        assertTrue(l.cells().get(7).startsWith("LOST "), l.toString());
        assertTrue(l.cells().get(8).contains("lost data"), l.toString());
        assertTrue(facts(malformed).cells().get(8).startsWith("1 data problem: "), facts(malformed).toString());
        RowFacts f = facts(fine);
        assertFalse(f.styles().contains("faded"), f.toString());
        assertEquals("", f.cells().get(8));
        String age = f.cells().get(7);
        WaitForAsyncUtils.waitFor(4, java.util.concurrent.TimeUnit.SECONDS, () -> !facts(fine).cells().get(7).equals(age)); // it ticks
        List<Node> headers = fx(() -> List.<Node>copyOf(lookup(".column-header .label").queryAll()));
        assertEquals(9, headers.size());
        for (Node header : headers) {
            assertNull(fx(() -> Shown.problem(header)), "a header: " + fx(() -> ((Label) header).getText()));
        }
        // the selection is one: Esc from the table clears it in the table too
        clickOn(fx(() -> (Node) row(fine).lookup(".table-cell")));
        waitFor(5, () -> fine.equals(console.window.viewModel().selection().focused().get()), "the row selected");
        type(KeyCode.ESCAPE);
        waitFor(5, () -> console.window.viewModel().selection().isEmpty()
                && lookup("#fleet-table").queryAs(TableView.class).getSelectionModel().getSelectedItems().isEmpty(), "one Esc clears it");
    }

    /** What one row shows, read in one go on the FX thread (the table rebuilds its cells every second). */
    private record RowFacts(Set<String> pseudo, List<String> styles, double opacity, List<String> cells, List<String> looks,
                            List<Set<String>> lookPseudo) {
    }

    private static Set<String> pseudo(Node n) {
        return n.getPseudoClassStates().stream().map(PseudoClass::getPseudoClassName).collect(java.util.stream.Collectors.toSet());
    }

    private RowFacts facts(String id) {
        return fx(() -> {
            TableRow<?> row = row(id);
            List<String> cells = row.lookupAll(".table-cell").stream().map(n -> {
                String t = ((javafx.scene.control.Labeled) n).getText();
                return t == null ? "" : t;
            }).toList();
            List<Node> looks = List.copyOf(row.lookupAll(".look-cell"));
            return new RowFacts(pseudo(row), List.copyOf(row.getStyleClass()), row.getOpacity(), cells,
                    looks.stream().map(n -> ((javafx.scene.control.Labeled) n).getText()).toList(), looks.stream().map(TriageWindowTest::pseudo).toList());
        });
    }

    /** On the FX thread. */
    private TableRow<?> row(String id) {
        return lookup(".table-row-cell").queryAll().stream().map(n -> (TableRow<?>) n).filter(t -> id.equals(t.getItem()))
                .findFirst().orElseThrow();
    }

    @Test
    void escInOnePressFromTheSearchFieldOrAToolbarButton() throws Exception {
        var r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        Fixtures.instance(r, "running");
        open();
        select(id);
        clickOn("#search");
        assertTrue(fx(() -> lookup("#search").query().isFocused()));
        type(KeyCode.ESCAPE);
        waitFor(5, () -> console.window.viewModel().selection().isEmpty() && !lookup("#search").query().isFocused(),
                "one Esc leaves the search and clears the selection");
        select(id);
        clickOn("#theme-toggle");
        type(KeyCode.ESCAPE);
        waitFor(5, () -> console.window.viewModel().selection().isEmpty(), "one Esc after a toolbar button");
        select(id);
        type(KeyCode.ESCAPE);
        waitFor(5, () -> console.window.viewModel().selection().isEmpty(), "one Esc after a click on a card");
    }

    @Test
    void aFilterHoldsWhileTheOrderIsFrozenWhatStopsMatchingLeavesAtOnce() throws Exception {
        var r = REDIS.redis();
        String a = Fixtures.instance(r, "crashed");
        String b = Fixtures.instance(r, "crashed");
        Fixtures.instance(r, "crashed");
        Fixtures.instance(r, "running");
        open();
        waitFor(10, () -> console.window.viewModel().visible().size() == 4, "four instances");
        clickOn("#kpi-crashed");
        waitFor(5, () -> console.window.viewModel().visible().size() == 3, "the crashed filter");
        select(a); // the order is frozen while something is selected
        r.hset("instance:" + b, "state", "running");
        waitFor(5, () -> !console.window.viewModel().visible().contains(b), "the recovered one leaves the crashed filter at once");
        waitFor(5, () -> lookup(".instance-cell").queryAll().stream().noneMatch(n -> shows(n, b)), "its card gone");
        assertEquals(a, fx(() -> console.window.viewModel().selection().focused().get()), "the selection stays");
        r.hset("instance:" + a, "state", "running");
        waitFor(5, () -> !console.window.viewModel().visible().contains(a), "the selected one leaves the view too");
        waitFor(5, () -> lookup("#detail-hidden-note").query().isVisible(), "the detail keeps it and says it is filtered out");
        assertEquals(a, fx(() -> lookup("#detail-id").queryAs(TextField.class).getText()));
        waitFor(5, () -> "RUNNING".equals(text("#detail-state")), "its new state");
    }

    @Test
    void gaugesAndSparklinesHaveLabelledScalesTheirLinesKeepOffTheLabelsAndUnitsDoNotWrap() throws Exception {
        var r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        r.hset("instance_metrics:" + id, "cpu_usage", "100");
        open();
        console.resize(1024, 640);
        select(id);
        Sparkline cpu = fx(() -> lookup("#detail-cpu-history").queryAs(Sparkline.class));
        Sparkline memory = fx(() -> lookup("#detail-memory-history").queryAs(Sparkline.class));
        waitFor(6, () -> cpu.axisTop() == 100 && memory.axisTop() > 0, "the history drawn");
        assertArrayEquals(new String[] {"100 %", "0 %"}, fx(cpu::axisLabels));
        assertArrayEquals(new String[] {"4,096 MB", "0 MB"}, fx(memory::axisLabels));
        assertEquals(0.0, fx(() -> lookup("#detail-cpu").queryAs(Tile.class).getMinValue()));
        assertEquals(100.0, fx(() -> lookup("#detail-cpu").queryAs(Tile.class).getMaxValue()));
        assertEquals(4096.0, fx(() -> lookup("#detail-memory").queryAs(Tile.class).getMaxValue()));
        // a few seconds of CPU at 100 %: the line stays in its plot, under the title row and right of the scale
        waitFor(6, () -> console.mirror.history(id).cpu().length >= 3, "some history");
        WaitForAsyncUtils.sleep(1200, java.util.concurrent.TimeUnit.MILLISECONDS);
        int[] stray = fx(() -> {
            var image = cpu.snapshot(null, null);
            var line = cpu.lineColor();
            int title = 0;
            int gutter = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    var c = image.getPixelReader().getColor(x, y);
                    boolean lineColour = Math.abs(c.getRed() - line.getRed()) < 0.08 && Math.abs(c.getGreen() - line.getGreen()) < 0.08
                            && Math.abs(c.getBlue() - line.getBlue()) < 0.08;
                    title += lineColour && y < 16 ? 1 : 0;
                    gutter += lineColour && x < 58 ? 1 : 0;
                }
            }
            return new int[] {title, gutter};
        });
        assertArrayEquals(new int[] {0, 0}, stray, "line pixels in the title row and in the scale");
        // units right after their values, on the same line
        List<Label> parsed = fx(() -> lookup("#fields-grid .unit").queryAll().stream().map(n -> (Label) n).toList());
        assertTrue(fx(() -> parsed.stream().map(Label::getText).toList()).containsAll(List.of("%", "MB", "KBps")),
                fx(() -> parsed.stream().map(Label::getText).toList()).toString());
        for (Label unit : parsed) {
            Label value = fx(() -> (Label) unit.getParent());
            assertTrue(fx(() -> !value.isWrapText() && value.getWidth() >= value.prefWidth(-1) - 0.5 && unit.isVisible()),
                    value.getText() + " " + unit.getText() + " squeezed to " + fx(value::getWidth));
        }
    }

    @Test
    void theHelpListsTheKeysInAlignedColumns() throws Exception {
        Fixtures.instance(REDIS.redis(), "running");
        open();
        type(KeyCode.F1);
        waitFor(5, () -> lookup("#help-keys").tryQuery().isPresent(), "the help");
        List<Double> keys = fx(() -> lookup("#help-keys").queryAs(javafx.scene.layout.GridPane.class).getChildren().stream()
                .filter(n -> javafx.scene.layout.GridPane.getColumnIndex(n) == 0).map(n -> n.getLayoutX()).distinct().toList());
        List<Double> texts = fx(() -> lookup("#help-keys").queryAs(javafx.scene.layout.GridPane.class).getChildren().stream()
                .filter(n -> javafx.scene.layout.GridPane.getColumnIndex(n) == 1).map(n -> n.getLayoutX()).distinct().toList());
        assertEquals(1, keys.size(), "keys line up: " + keys);
        assertEquals(1, texts.size(), "what they do lines up: " + texts);
        assertTrue(texts.get(0) > keys.get(0));
        fx(() -> {
            javafx.stage.Window.getWindows().stream().filter(w -> w != console.stage && w.isShowing()).toList().forEach(javafx.stage.Window::hide);
            return null;
        });
    }
}
