package com.mt5ops.console.ui;

import static com.mt5ops.console.ui.ConsoleHarness.fx;
import static com.mt5ops.console.ui.ConsoleHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.AuditEntry;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** The window's write path and audit trail: what a click compares, and what the detail pane shows afterwards. */
class ActionAuditWindowTest extends FxRobot {
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
        Node card = GridCards.card(this, id, 10);
        clickOn(card);
        waitFor(5, () -> lookup("#detail-id").tryQuery().isPresent()
                && id.equals(lookup("#detail-id").queryAs(javafx.scene.control.TextField.class).getText()), "detail of " + id);
    }


    @SuppressWarnings("unchecked")
    private List<AuditEntry> trailShown() {
        return fx(() -> List.copyOf(((ListView<AuditEntry>) lookup("#detail-audit").query()).getItems()));
    }

    private String firstAuditCellText() {
        return fx(() -> lookup("#detail-audit .list-cell").queryAll().stream().map(n -> ((javafx.scene.control.ListCell<?>) n).getText())
                .filter(t -> t != null && !t.isEmpty()).findFirst().orElse(""));
    }

    @Test
    void instanceWithoutAStateIsNotOfferedAMoveAndOneThatAppearsIsComparedAsShown() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "crashed");
        r.hdel(KeySchema.instanceKey(id), "state");
        r.srem(KeySchema.stateSetKey("crashed"), id);
        open();
        clickCard(id);
        type(javafx.scene.input.KeyCode.R);
        waitFor(5, () -> lookup("#action-result").queryAs(Label.class).getText().contains("no state field"),
                "a note: no transition starts from a missing state");
        assertTrue(lookup("#confirm-dialog").tryQuery().isEmpty(), "no confirmation, no reason asked");
        // the state appears underneath, and a second one while the confirmation is open: the CAS is against what it showed
        r.hset(KeySchema.instanceKey(id), "state", "crashed");
        waitFor(5, () -> "CRASHED".equals(lookup("#detail-state").queryAs(Label.class).getText()), "the state arrives");
        type(javafx.scene.input.KeyCode.R);
        waitFor(5, () -> lookup("#confirm-ok").tryQuery().isPresent(), "confirmation");
        assertTrue(fx(() -> lookup("#confirm-what").queryAs(Label.class).getText()).contains("crashed → restarting"));
        r.hdel(KeySchema.instanceKey(id), "state");
        clickOn("#confirm-ok");
        waitFor(10, () -> lookup("#action-result").queryAs(Label.class).getText().startsWith("conflict"),
                "a conflict: the operator saw crashed, not a missing state");
        assertEquals(null, r.hget(KeySchema.instanceKey(id), "state"));
        assertEquals("2", r.hget(KeySchema.healthKey(id), "restart_count"));
        assertEquals(0, r.exists(KeySchema.AUDIT_STREAM));
    }

    @Test
    void trailShowsTheServerAuthenticatedUserNextToTheClaimedOperator() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "crashed");
        open();
        clickCard(id);
        waitFor(5, () -> lookup("#action-running").tryQuery().isPresent(), "recover button");
        clickOn("#action-running");
        waitFor(5, () -> lookup("#confirm-ok").tryQuery().isPresent(), "confirmation");
        clickOn("#reason").write("broker fixed");
        clickOn("#confirm-ok");
        waitFor(10, () -> trailShown().size() == 1, "the new entry in the trail");
        AuditEntry e = trailShown().get(0);
        assertEquals("tester", e.operator());
        assertEquals("default", e.redisUser());
        assertEquals(r.hget(KeySchema.instanceKey(id), "last_updated_at"), e.time());
        waitFor(5, () -> !firstAuditCellText().isEmpty(), "the entry drawn");
        String text = firstAuditCellText();
        assertTrue(text.contains("tester (Redis user default)") && text.contains(e.time() + " (server)")
                && text.contains("crashed → running") && text.contains("broker fixed"), text);
    }

    @Test
    void trailShowsEntriesOlderThanThousandsOfOthers() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        r.xadd(KeySchema.AUDIT_STREAM, Map.of("instance_id", id, "from", "crashed", "to", "running", "operator", "alice",
                "redis_user", "operator1", "host", "h", "time", "2026-01-01T00:00:00Z", "reason", "old one"));
        var async = r.getStatefulConnection().async();
        List<io.lettuce.core.RedisFuture<String>> sent = new ArrayList<>();
        for (int k = 0; k < 2_500; k++) {
            sent.add(async.xadd(KeySchema.AUDIT_STREAM, Map.of("instance_id", Fixtures.newId(), "from", "running", "to", "stopped")));
        }
        sent.forEach(f -> f.toCompletableFuture().join());
        open();
        clickCard(id);
        waitFor(10, () -> trailShown().size() == 1, "the old entry, behind 2,500 newer ones");
        assertEquals("old one", trailShown().get(0).reason());
        waitFor(5, () -> firstAuditCellText().contains("alice (Redis user operator1)"), "the entry drawn with the claimed operator and the Redis user");
    }
}
