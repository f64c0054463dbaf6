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
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** The action keys and the bulk confirmation: what a key reaches, what the table forbids, what the CAS compares. */
class ActionKeysWindowTest extends FxRobot {
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

    private void clickCard(String id) {
        waitFor(10, () -> lookup(".instance-cell").queryAll().stream().anyMatch(n -> shows(n, id)), "card for " + id);
        Node card = fx(() -> lookup(".instance-cell").queryAll().stream().filter(n -> shows(n, id)).findFirst().orElseThrow());
        clickOn(card);
    }

    private static boolean shows(Node cell, String id) {
        return cell instanceof javafx.scene.control.IndexedCell<?> c && id.equals(c.getItem()) && cell.isVisible();
    }

    /** As another system would: the hash and the index set. */
    private static void move(RedisCommands<String, String> r, String id, String from, String to) {
        r.hset(KeySchema.instanceKey(id), "state", to);
        r.smove(KeySchema.stateSetKey(from), KeySchema.stateSetKey(to), id);
    }

    private void awaitShown(String id, String state) {
        waitFor(5, () -> console.window.viewModel().get(id) != null && state.equals(console.window.viewModel().get(id).rawState()),
                id + " shown " + state);
    }

    private String result() {
        return fx(() -> lookup("#action-result").queryAs(Label.class).getText());
    }

    private Text row(String id) {
        return fx(() -> lookup("#confirm-row-" + id).queryAs(Text.class));
    }

    @Test
    void bulkConfirmationListsEachInstanceMarksChangesSkipsWhatTheTableForbidsAndComparesWhatItShowed() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String a = Fixtures.instance(r, "crashed");
        String changed = Fixtures.instance(r, "crashed");
        String stopped = Fixtures.instance(r, "stopped");
        String racing = Fixtures.instance(r, "crashed");
        String untouched = Fixtures.instance(r, "running");
        open();
        waitFor(10, () -> console.window.viewModel().visible().size() == 5, "five instances");
        clickCard(a);
        press(KeyCode.CONTROL);
        clickCard(changed);
        clickCard(stopped);
        clickCard(racing);
        release(KeyCode.CONTROL);
        waitFor(5, () -> console.window.viewModel().selection().ids().size() == 4, "four selected");
        assertEquals("4 selected", fx(() -> lookup("#selection-chip").queryAs(Label.class).getText()));

        move(r, changed, "crashed", "running"); // it recovered between the selection and the key
        awaitShown(changed, "running");
        type(KeyCode.R);
        waitFor(5, () -> lookup("#confirm-count").tryQuery().isPresent(), "the bulk confirmation");
        assertEquals(4, (int) fx(() -> lookup("#confirm-rows").queryAs(ListView.class).getItems().size()));
        assertTrue(row(a).getText().contains(a) && row(a).getText().contains("crashed → restarting"), row(a).getText());
        assertFalse(row(a).isStrikethrough());
        assertTrue(row(changed).getText().contains("running → restarting")
                && row(changed).getText().contains("was crashed when selected, now running"), row(changed).getText());
        assertTrue(row(stopped).isStrikethrough(), "not allowed: struck through");
        assertTrue(row(stopped).getText().contains("skipped: stopped → restarting not allowed"), row(stopped).getText());
        assertTrue(fx(() -> lookup(".dialog-pane").queryAs(DialogPane.class).getHeaderText()).contains("3 of 4 selected"));

        waitFor(5, () -> lookup("#confirm-count").query().isFocused(), "the count field has the focus");
        assertTrue(fx(() -> lookup("#confirm-ok").queryButton().isDisabled()), "OK waits for the count");
        targetWindow(fx(() -> lookup("#confirm-count").query().getScene().getWindow())); // where a keyboard types: the dialog
        write("3"); // straight away, no click
        assertEquals("3", fx(() -> lookup("#confirm-count").queryAs(TextField.class).getText()));
        assertFalse(fx(() -> lookup("#confirm-ok").queryButton().isDisabled()));
        move(r, racing, "crashed", "running"); // while the confirmation is open: it showed crashed
        clickOn("#confirm-ok");

        waitFor(10, () -> result().equals("2 marked a restart · 1 conflict: now running · 1 skipped: stopped → restarting not allowed"),
                "the result in one plain sentence, have '" + result() + "'");
        assertEquals("restarting", r.hget(KeySchema.instanceKey(a), "state"));
        assertEquals("restarting", r.hget(KeySchema.instanceKey(changed), "state"), "compared with the state the confirmation showed");
        assertEquals("running", r.hget(KeySchema.instanceKey(racing), "state"));
        assertEquals("stopped", r.hget(KeySchema.instanceKey(stopped), "state"), "skipped: never sent");
        assertEquals("2", r.hget(KeySchema.healthKey(stopped), "restart_count"));
        assertEquals("running", r.hget(KeySchema.instanceKey(untouched), "state"));
        List<String> audited = r.xrange(KeySchema.AUDIT_STREAM, Range.create("-", "+")).stream().map(m -> m.getBody().get("instance_id")).toList();
        assertEquals(2, audited.size());
        assertTrue(audited.containsAll(List.of(a, changed)), audited.toString());
        assertEquals("2 marked a restart · 1 conflict: now running · 1 skipped: stopped → restarting not allowed",
                fx(() -> lookup("#status-message").queryAs(Label.class).getText()), "the status bar says it too");
    }

    @Test
    void restartOnAStoppedInstanceSaysWhyAndAsksNothing() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "stopped");
        open();
        clickCard(id);
        waitFor(5, () -> lookup("#action-running").tryQuery().isPresent(), "the detail's actions");
        assertEquals(List.of("Launch (U)", "Rename broker…"), buttons(), "only what the table allows, with its key");
        type(KeyCode.R);
        waitFor(5, () -> result().contains("stopped → restarting not allowed"), "a note, have '" + result() + "'");
        assertTrue(result().contains("From stopped: Launch (U)"), result());
        assertTrue(lookup("#confirm-dialog").tryQuery().isEmpty(), "no confirmation: no reason asked for nothing");
        assertEquals("stopped", r.hget(KeySchema.instanceKey(id), "state"));
        assertEquals(0, r.exists(KeySchema.AUDIT_STREAM));
    }

    private List<String> buttons() {
        return fx(() -> lookup("#action-buttons").queryAs(javafx.scene.layout.Pane.class).getChildren().stream()
                .filter(n -> n instanceof Button).map(n -> ((Button) n).getText()).toList());
    }

    private void act(String id, KeyCode key, String to) {
        type(key);
        waitFor(5, () -> lookup("#confirm-ok").tryQuery().isPresent(), key + ": the confirmation");
        clickOn("#confirm-ok");
        waitFor(10, () -> to.equals(REDIS.redis().hget(KeySchema.instanceKey(id), "state")), key + " moves it to " + to);
        waitFor(5, () -> to.toUpperCase(java.util.Locale.ROOT).equals(lookup("#detail-state").queryAs(Label.class).getText())
                && !console.window.actions().pending().get(), "the detail shows " + to);
    }

    @Test
    void eachActionKeyMovesTheInstanceWhereTheTableAllowsAndTheButtonsShowTheKeys() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "crashed");
        open();
        clickCard(id);
        waitFor(5, () -> lookup("#action-running").tryQuery().isPresent(), "the detail's actions");
        assertEquals(List.of("Mark recovered (U)", "Stand down (S)", "Mark restart (R)", "Rename broker…"), buttons());
        act(id, KeyCode.U, "running");
        assertEquals(List.of("Stop (S)", "Mark crashed (C)", "Mark restart (R)", "Rename broker…"), buttons());
        act(id, KeyCode.S, "stopped");
        type(KeyCode.C);
        waitFor(5, () -> result().contains("stopped → crashed not allowed"), "C on a stopped instance: a note");
        assertTrue(lookup("#confirm-dialog").tryQuery().isEmpty());
        act(id, KeyCode.U, "running");
        act(id, KeyCode.C, "crashed");
        act(id, KeyCode.R, "restarting");
        assertEquals("3", r.hget(KeySchema.healthKey(id), "restart_count"));
        assertEquals(List.of("Mark came back (U)", "Give up (S)", "Mark restart failed (C)", "Rename broker…"), buttons());
        List<String> moves = r.xrange(KeySchema.AUDIT_STREAM, Range.create("-", "+")).stream()
                .map(m -> m.getBody().get("from") + ">" + m.getBody().get("to")).toList();
        assertEquals(List.of("crashed>running", "running>stopped", "stopped>running", "running>crashed", "crashed>restarting"), moves);
    }

    @Test
    void theHelpListsEveryActionKey() throws Exception {
        open();
        type(KeyCode.F1);
        waitFor(5, () -> lookup(".dialog-pane").tryQuery().isPresent(), "the help");
        // the help is a two-column grid: each key beside what it does
        String help = fx(() -> {
            javafx.scene.layout.GridPane grid = lookup("#help-keys").queryAs(javafx.scene.layout.GridPane.class);
            StringBuilder rows = new StringBuilder();
            for (javafx.scene.Node n : grid.getChildren()) {
                Integer col = javafx.scene.layout.GridPane.getColumnIndex(n);
                rows.append(col == null || col == 0 ? "\n" : " | ").append(((javafx.scene.control.Label) n).getText());
            }
            return rows.toString();
        });
        for (String key : List.of("\nR | mark restart", "\nU | up", "\nS | stop", "\nC | mark crashed")) {
            assertTrue(help.contains(key), key + " in\n" + help);
        }
        clickOn(fx(() -> lookup(".dialog-pane .button").queryButton()));
        waitFor(5, () -> lookup(".dialog-pane").tryQuery().isEmpty(), "the help closes");
    }
}
