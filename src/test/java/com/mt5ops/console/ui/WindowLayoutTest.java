package com.mt5ops.console.ui;

import static com.mt5ops.console.ui.ConsoleHarness.fx;
import static com.mt5ops.console.ui.ConsoleHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import com.mt5ops.console.ui.look.Palette;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.stage.Screen;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window from 1024×640 to 1920×1080: trust signals and the selected instance's actions always whole and in sight. */
class WindowLayoutTest extends FxRobot {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.withNotifications();

    private ConsoleHarness console;

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private void awaitLive() {
        waitFor(10, () -> "LIVE".equals(lookup("#connection-state").queryAs(Label.class).getText()), "connection LIVE");
    }

    private void assertWhole(String query) {
        waitFor(5, () -> lookup(query).tryQuery().isPresent(), query + " in the window");
        String why = fx(() -> Shown.problem(lookup(query).query()));
        assertNull(why, query + ": " + why);
    }

    /** Waits until {@code query} is whole and in sight (a drawer slides in for a moment). */
    private void awaitWhole(String query) {
        waitFor(5, () -> lookup(query).tryQuery().isPresent() && Shown.problem(lookup(query).query()) == null,
                query + " whole and in sight, is " + fx(() -> lookup(query).tryQuery().map(Shown::problem).orElse("absent")));
    }

    private void select(String id) {
        waitFor(10, () -> lookup(".instance-cell").queryAll().stream().anyMatch(n -> shows(n, id)), "card for " + id);
        clickOn(fx(() -> lookup(".instance-cell").queryAll().stream().filter(n -> shows(n, id)).findFirst().orElseThrow()));
        waitFor(5, () -> lookup("#detail-id").tryQuery().isPresent() && id.equals(lookup("#detail-id").queryAs(TextField.class).getText()),
                "the detail of " + id);
    }

    private static boolean shows(Node cell, String id) {
        return cell instanceof javafx.scene.control.IndexedCell<?> c && id.equals(c.getItem()) && cell.isVisible();
    }

    /** The action buttons of the shown instance, each whole and in sight. */
    private void assertActionsWhole(List<String> ids) {
        ids.forEach(this::awaitWhole);
    }

    @Test
    void at1024x640TheTrustSignalsKpisAndTheSelectedInstancesActionsAreWholeAndTheRestGoesIntoMenusAndADrawer() throws Exception {
        var r = REDIS.redis();
        String crashed = Fixtures.instance(r, "crashed");
        for (int k = 0; k < 8; k++) {
            Fixtures.instance(r, "running");
        }
        console = ConsoleHarness.demo(REDIS.uri(), s -> { });
        awaitLive();
        waitFor(10, () -> console.window.viewModel().visible().size() == 9, "nine instances");
        console.resize(1024, 640);
        waitFor(5, () -> lookup("#kpi-total").tryQuery().isPresent() && lookup("#search").tryQuery().isPresent(), "tiles and toolbar");
        assertWhole("#connection-state");
        assertWhole("#demo-tag");
        assertWhole("#resync");
        assertWhole("#search");
        // the toolbar keeps what matters most and holds the rest in its "⋯" menu
        assertWhole("#toolbar-overflow");
        assertWhole("#problems-only");
        assertWhole("#state-filter");
        assertFalse(fx(() -> lookup("#theme-toggle").query().isVisible()), "the theme toggle waits in the menu");
        clickOn("#toolbar-overflow");
        waitFor(5, () -> lookup("#overflow-theme-toggle").tryQuery().isPresent() || !lookupMenuItems().isEmpty(), "the menu open");
        assertTrue(lookupMenuItems().containsAll(List.of("Table view", "Export", "Light theme")), lookupMenuItems().toString());
        clickOn("Table view");
        waitFor(5, () -> lookup("#fleet-table").tryQuery().isPresent(), "the table, from the menu");
        clickOn("#toolbar-overflow").clickOn("Table view");
        waitFor(5, () -> lookup("#fleet-table").tryQuery().isEmpty(), "the grid again");
        // every tile shown is whole; the ones that give way are summarized
        List<String> tiles = fx(() -> lookup(".tile").queryAll().stream().filter(Node::isVisible).map(Node::getId).toList());
        for (String tile : fx(() -> lookup(".kpi-row > *").queryAll().stream().filter(n -> n.isVisible() && n.lookup(".tile") != null)
                .map(n -> n.lookup(".tile").getId()).toList())) {
            assertWhole("#" + tile);
        }
        assertTrue(fx(() -> lookup("#kpi-total").query().isVisible() && lookup("#kpi-crashed").query().isVisible()), tiles.toString());
        assertTrue(fx(() -> lookup("#kpi-summary").query().isVisible() && !lookup("#kpi-memory").query().getParent().isVisible()),
                "memory gives way to the summary");
        assertWhole("#kpi-summary-memory");

        // the detail comes as a drawer over the fleet, the actions whole at the top of it
        select(crashed);
        awaitWhole("#detail-drawer");
        assertActionsWhole(List.of("#action-running", "#action-stopped", "#action-restarting"));
        assertWhole("#drawer-close");

        // a long message never squeezes the trust signals, whatever the connection says
        console.window.chooseExportFilesWith(name -> "/tmp/no-such-folder/" + "deeper/".repeat(30) + name);
        clickOn("#toolbar-overflow");
        clickOn("Export").clickOn("Current view as CSV…");
        waitFor(5, () -> lookup("#status-message").queryAs(Label.class).getText().startsWith("export failed"), "the export's result");
        waitFor(5, () -> !lookup(".toast-bad").queryAll().isEmpty(), "a toast with the result");
        assertWhole("#connection-state");
        assertWhole("#demo-tag");
        assertToastsClearOf("#connection-state", ".kpi-row");
        REDIS.server().kill();
        waitFor(5, () -> !List.of("LIVE", "POLLING").contains(lookup("#connection-state").queryAs(Label.class).getText()), "not LIVE");
        assertWhole("#connection-state");
        assertWhole("#demo-tag");
        assertActionsWhole(List.of("#action-running"));
    }

    private List<String> lookupMenuItems() {
        return fx(() -> {
            List<String> texts = new ArrayList<>();
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w instanceof javafx.scene.control.ContextMenu menu && w.isShowing()) {
                    menu.getItems().forEach(i -> texts.add(i.getText()));
                }
            }
            return texts;
        });
    }

    /** The toasts cover neither {@code signals} nor the KPI row. */
    private void assertToastsClearOf(String... others) {
        fx(() -> {
            for (Node toast : lookup(".toast").queryAll()) {
                var t = toast.localToScene(toast.getBoundsInLocal());
                for (String other : others) {
                    for (Node n : lookup(other).queryAll()) {
                        var b = n.localToScene(n.getBoundsInLocal());
                        assertFalse(t.intersects(b), "a toast " + t + " over " + other + " " + b);
                    }
                }
            }
            return null;
        });
    }

    @Test
    void at1920x1080TheDetailIsASidePaneEveryControlAndTileIsInTheRowAndTheWidthIsUsed() throws Exception {
        var r = REDIS.redis();
        String crashed = Fixtures.instance(r, "crashed");
        for (int k = 0; k < 20; k++) {
            Fixtures.instance(r, "running");
        }
        console = new ConsoleHarness(REDIS.uri(), true);
        awaitLive();
        console.resize(1920, 1080);
        waitFor(5, () -> lookup("#kpi-memory").tryQuery().isPresent() && lookup("#search").tryQuery().isPresent(), "tiles and toolbar");
        select(crashed);
        assertWhole("#connection-state");
        assertWhole("#read-only-tag");
        for (String control : List.of("#search", "#state-filter", "#health-filter", "#broker-filter", "#freshness-filter",
                "#problems-only", "#sort", "#resort", "#view-toggle", "#export", "#theme-toggle")) {
            assertWhole(control);
        }
        assertFalse(fx(() -> lookup("#toolbar-overflow").query().isVisible()), "nothing in the overflow menu");
        for (String tile : List.of("total", "running", "crashed", "restarting", "critical", "stale", "data-problems", "fleet-cpu", "memory")) {
            assertWhole("#kpi-" + tile);
        }
        assertFalse(fx(() -> lookup("#kpi-summary").query().isVisible()));
        assertTrue(fx(() -> lookup("#detail-drawer").tryQuery().map(d -> d.getScene() == null || !d.isVisible()).orElse(true)),
                "a side pane, not a drawer");
        assertActionsWhole(List.of("#action-running", "#action-stopped", "#action-restarting"));
        assertTrue(fx(() -> lookup("#action-running").queryAs(Button.class).isDisabled()), "read-only: off");
        assertWhole("#read-only-note");
        // the extra width goes to the fleet and the tiles
        assertTrue(fx(() -> console.window.gridColumns()) >= 5, "cards per row: " + fx(() -> console.window.gridColumns()));
        double tileWidth = fx(() -> lookup("#kpi-total").query().getParent().getLayoutBounds().getWidth());
        assertTrue(tileWidth > 180, "the tiles share the width: " + tileWidth);
    }

    @Test
    void theDrawerOpensOnSelectionAndItsCloseOrEscClosesIt() throws Exception {
        var r = REDIS.redis();
        String first = Fixtures.instance(r, "crashed");
        Fixtures.instance(r, "running");
        console = ConsoleHarness.demo(REDIS.uri(), s -> { });
        awaitLive();
        // wide: a side pane (the window only shrinks in this test: Monocle's painter cannot grow a window it drew)
        console.resize(1400, 800);
        select(first);
        assertActionsWhole(List.of("#action-running"));
        assertTrue(fx(() -> lookup("#detail-drawer").tryQuery().map(d -> d.getScene() == null || !d.isVisible()).orElse(true)));
        type(javafx.scene.input.KeyCode.ESCAPE);
        waitFor(5, () -> console.window.viewModel().selection().isEmpty(), "nothing selected");
        console.resize(1100, 700);
        assertTrue(fx(() -> lookup("#detail-drawer").tryQuery().map(d -> !d.isVisible()).orElse(true)), "closed with nothing selected");
        select(first);
        assertActionsWhole(List.of("#action-running"));
        awaitWhole("#drawer-close");
        clickOn("#drawer-close");
        waitFor(5, () -> console.window.viewModel().selection().isEmpty() && !lookup("#detail-drawer").query().isVisible(), "closed by its ✕");
        select(first);
        waitFor(5, () -> lookup("#detail-drawer").query().isVisible(), "open again");
        type(javafx.scene.input.KeyCode.ESCAPE);
        waitFor(5, () -> console.window.viewModel().selection().isEmpty() && !lookup("#detail-drawer").query().isVisible(), "closed by one Esc");
    }

    @Test
    void theWindowOpensInsideTheScreenAndItsFirstFrameIsThePalettesNotWhite() throws Exception {
        Paint[] atShowing = new Paint[2];
        console = ConsoleHarness.demo(REDIS.uri(), stage -> stage.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> {
            atShowing[0] = stage.getScene().getFill();
            var bg = ((Region) stage.getScene().getRoot()).getBackground();
            atShowing[1] = bg == null || bg.getFills().isEmpty() ? null : bg.getFills().get(0).getFill();
        }));
        Palette dark = Palette.dark();
        assertEquals(dark.bg(), atShowing[0], "the scene's fill before the first frame");
        assertEquals(dark.bg(), atShowing[1], "the root's background before the first frame");
        Rectangle2D screen = fx(() -> Screen.getPrimary().getVisualBounds());
        Rectangle2D at = fx(() -> new Rectangle2D(console.stage.getX(), console.stage.getY(), console.stage.getWidth(), console.stage.getHeight()));
        assertTrue(at.getMinX() >= screen.getMinX() && at.getMinY() >= screen.getMinY() && at.getMaxX() <= screen.getMaxX()
                && at.getMaxY() <= screen.getMaxY(), at + " inside " + screen);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
