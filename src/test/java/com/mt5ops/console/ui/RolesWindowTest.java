package com.mt5ops.console.ui;

import static com.mt5ops.console.ui.ConsoleHarness.fx;
import static com.mt5ops.console.ui.ConsoleHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.redis.NotificationConfig;
import com.mt5ops.console.sync.MirrorRights;
import com.mt5ops.console.testing.AclRecipes;
import com.mt5ops.console.testing.Await;
import com.mt5ops.console.testing.CommandStats;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.Range;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * The window as the README's viewer and operator see it, and the one server change it may make: the notification
 * flags, only after the operator has read the exact CONFIG SET and confirmed it.
 */
class RolesWindowTest extends FxRobot {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.withNotifications();

    private ConsoleHarness console;

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private void awaitState(String state, long seconds) {
        waitFor(seconds, () -> state.equals(lookup("#connection-state").queryAs(Label.class).getText()), "connection " + state);
    }

    private void clickCard(String id) {
        clickOn(GridCards.card(this, id, 10));
    }


    private String text(String query) {
        return fx(() -> lookup(query).queryAs(Label.class).getText());
    }

    @Test
    void aViewersWindowIsReadOnlyBeforeAnyClickSaysWhyAndTheServerDeniesItNothing() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "crashed");
        String uri = AclRecipes.create(REDIS, AclRecipes.VIEWER);
        r.aclLogReset();
        r.configResetstat();
        console = new ConsoleHarness(uri, false); // not told it is read-only: it learns that from the server
        waitFor(10, () -> console.window.actions().readOnly().get(), "read-only once the rights are known");
        clickCard(id);
        waitFor(5, () -> lookup("#action-running").tryQuery().isPresent(), "buttons");
        assertTrue(fx(() -> lookup("#action-running").queryAs(Button.class).isDisabled()), "disabled before any click");
        assertTrue(fx(() -> lookup("#read-only-note").queryAs(Label.class).isVisible()));
        String why = text("#read-only-note");
        assertTrue(why.contains("'viewer' may not run the transition script") && why.contains("operator account"), why);
        assertTrue(fx(() -> lookup("#read-only-tag").queryAs(Label.class).isVisible()), "the status bar says READ-ONLY");
        clickOn("#action-running");
        type(javafx.scene.input.KeyCode.R); // mark restart on the selection: refused here, never sent
        waitFor(5, () -> text("#action-result").equals(why), "the keyboard's action refused with the reason");
        assertFalse(lookup("#confirm-dialog").tryQuery().isPresent(), "no confirmation for what cannot be done");
        awaitState("LIVE", 10);
        Await.holds(Duration.ofSeconds(3), () -> "LIVE".equals(text("#connection-state")), () -> "state " + text("#connection-state"));
        assertEquals("crashed", r.hget("instance:" + id, "state"));
        assertEquals(List.of(), r.aclLog(), "the server denied the viewer's window something");
        assertEquals(0, CommandStats.calls(r, "evalsha") + CommandStats.calls(r, "eval") + CommandStats.calls(r, "config|get"));
    }

    @Test
    void anOperatorsWindowTransitionsAndTheServerDeniesItNothing() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "crashed");
        String uri = AclRecipes.create(REDIS, AclRecipes.OPERATOR);
        r.aclLogReset();
        console = new ConsoleHarness(uri, false);
        awaitState("LIVE", 10);
        clickCard(id);
        waitFor(5, () -> lookup("#action-running").tryQuery().isPresent(), "recover button");
        assertFalse(fx(() -> lookup("#action-running").queryAs(Button.class).isDisabled()));
        clickOn("#action-running");
        waitFor(5, () -> lookup("#confirm-ok").tryQuery().isPresent(), "confirmation");
        clickOn("#confirm-ok");
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> "running".equals(r.hget("instance:" + id, "state")));
        assertEquals("operator", r.xrange("console:audit", Range.create("-", "+")).get(0).getBody().get("redis_user"));
        waitFor(5, () -> text("#action-result").startsWith("done"), "result shown");
        assertFalse(console.window.actions().readOnly().get());
        assertEquals(List.of(), r.aclLog(), "the server denied the operator's window something");
    }

    @Test
    void thePollingBannerShowsTheExactConfigSetAndSendsItOnlyOnceConfirmed() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        Fixtures.instance(r, "running");
        r.configSet("notify-keyspace-events", "E");
        r.configResetstat();
        console = new ConsoleHarness(REDIS.uri(), false);
        awaitState("POLLING", 10);
        assertTrue(text("#banner-text").contains("lack Kghsx (now 'E')"), text("#banner-text"));
        waitFor(5, () -> lookup("#enable-notifications").query().isVisible(), "the offer in the banner");
        clickOn("#enable-notifications");
        waitFor(5, () -> lookup("#notifications-command").tryQuery().isPresent(), "the confirmation");
        assertEquals("CONFIG SET notify-keyspace-events EKghsx", text("#notifications-command"));
        assertEquals(0, CommandStats.calls(r, "config|set"), "nothing sent before the operator confirms");
        clickOn("#notifications-confirm");
        Await.until(Duration.ofSeconds(5), () -> NotificationConfig.satisfies(flags()) && flags().contains("E"), () -> "flags " + flags());
        assertEquals(1, CommandStats.calls(r, "config|set"));
        awaitState("LIVE", 10);
        waitFor(5, () -> !lookup("#connection-banner").query().isVisible(), "banner gone");
    }

    @Test
    void aReadOnlyConsoleSaysTheFlagsAreMissingAndOffersNoChange() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        Fixtures.instance(r, "running");
        r.configSet("notify-keyspace-events", "E");
        console = new ConsoleHarness(REDIS.uri(), MirrorRights.READ_ONLY);
        awaitState("POLLING", 10);
        assertTrue(text("#banner-text").contains("read-only"), text("#banner-text"));
        assertFalse(fx(() -> lookup("#enable-notifications").query().isVisible()));
        assertEquals("E", flags());
    }

    private static String flags() {
        return REDIS.redis().configGet("notify-keyspace-events").get("notify-keyspace-events");
    }
}
