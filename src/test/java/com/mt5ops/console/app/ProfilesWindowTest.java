package com.mt5ops.console.app;

import static com.mt5ops.console.app.WindowSessions.fx;
import static com.mt5ops.console.app.WindowSessions.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import com.mt5ops.console.ui.settings.ConnectionProfile;
import com.mt5ops.console.ui.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Named connections: added, tested beside the current connection, switched to; kept in the settings file without passwords. */
class ProfilesWindowTest extends FxRobot {
    @RegisterExtension
    static final RedisExtension ALPHA = RedisExtension.withNotifications();
    @RegisterExtension
    static final RedisExtension BETA = RedisExtension.withNotifications();
    private static final String PASSWORD = "b3ta-ops-pw";

    @TempDir
    Path dir;
    private WindowSessions window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    private static String uri(RedisExtension redis) {
        return "redis://127.0.0.1:" + redis.server().port() + "/0";
    }

    private String state() {
        return fx(() -> lookup("#connection-state").tryQuery().map(n -> ((Label) n).getText()).orElse("no window yet"));
    }

    private int instancesShown() {
        return WindowSessions.fleetShown(this);
    }

    private void awaitLive(int instances) {
        waitFor(20, () -> "LIVE".equals(state()) && instancesShown() == instances,
                "LIVE with " + instances + " instances, now " + state() + " with " + instancesShown());
    }

    private String result() {
        return fx(() -> lookup("#profile-result").queryAs(Label.class).getText());
    }

    private void fill(String name, String uri, String user) {
        clickOn("#profile-new");
        clickOn("#profile-name").write(name);
        clickOn("#profile-uri").write(uri);
        if (user != null) {
            clickOn("#profile-user").write(user);
        }
        clickOn("#profile-save");
        waitFor(5, () -> result().equals("saved " + name), "saved " + name + ", says '" + result() + "'");
    }

    private void select(String name) {
        clickOn(fx(() -> lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && name.equals(c.getItem())).findFirst().orElseThrow()));
    }

    @Test
    void profilesAreAddedTestedAndSwitchedToWithThePasswordAskedAndNeverKept() throws Exception {
        Fixtures.instance(ALPHA.redis(), "running");
        Fixtures.instance(ALPHA.redis(), "crashed");
        for (int k = 0; k < 5; k++) {
            Fixtures.instance(BETA.redis(), "running");
        }
        BETA.call("ACL", "SETUSER", "ops", "on", ">" + PASSWORD, "~*", "&*", "+@all");
        window = new WindowSessions(dir, Settings.defaults(), Map.of(), uri(ALPHA));
        awaitLive(2);
        assertEquals("Profiles", fx(() -> lookup("#connection-menu").queryAs(MenuButton.class).getText()));

        clickOn("#connection-menu").clickOn("Manage profiles…");
        waitFor(5, () -> lookup("#profile-name").tryQuery().isPresent(), "the profiles dialog");
        fill("alpha", uri(ALPHA), null);
        fill("beta", uri(BETA), "ops");
        select("alpha");
        clickOn("#profile-test");
        waitFor(15, () -> result().startsWith("OK: " + uri(ALPHA) + " answers; user 'default' may read and act"), "alpha's test: " + result());
        select("beta");
        clickOn("#profile-test");
        waitFor(15, () -> result().startsWith("authentication failed for " + uri(BETA)), "beta's test without a password: " + result());
        assertFalse(result().contains("\n"), "one line");
        clickOn("#profile-new");
        clickOn("#profile-name").write("gamma");
        clickOn("#profile-test");
        waitFor(5, () -> result().startsWith("a profile needs a URI"), "a profile without a URI: " + result());
        clickOn("#profile-uri").write("redis://127.0.0.1:1/0");
        clickOn("#profile-test");
        waitFor(15, () -> result().startsWith("cannot connect to redis://127.0.0.1:1/0"), "nothing listens there: " + result());
        select("beta");
        assertEquals("LIVE", state(), "a test leaves the window's connection alone");
        assertEquals(2, instancesShown());

        clickOn("#profile-switch");
        waitFor(20, () -> lookup("#password-field").tryQuery().isPresent(), "beta's server asks for the password");
        clickOn("#password-field").write(PASSWORD);
        clickOn("#password-connect");
        awaitLive(5);
        assertEquals("MT5 Instance Console — beta (LIVE)", window.title());
        assertEquals("beta", fx(() -> lookup("#connection-menu").queryAs(MenuButton.class).getText()));

        String onDisk = Files.readString(window.store.file());
        assertFalse(onDisk.contains(PASSWORD), onDisk);
        Settings kept = window.store.load();
        assertEquals(List.of(new ConnectionProfile("alpha", uri(ALPHA), "", "", "", ""), new ConnectionProfile("beta", uri(BETA), "ops", "", "", "")),
                kept.profiles());

        clickOn("#connection-menu").clickOn("alpha");
        awaitLive(2);
        assertEquals("MT5 Instance Console — alpha (LIVE)", window.title());
        waitFor(5, () -> "alpha".equals(window.store.load().profile()), "the settings remember the profile last connected");
    }

    @Test
    void switchingAwayFromTheDemoStopsItsRedis() throws Exception {
        Fixtures.instance(ALPHA.redis(), "running");
        Settings settings = Settings.defaults().withProfiles(List.of(new ConnectionProfile("alpha", uri(ALPHA), "", "", "", "")));
        window = new WindowSessions(dir, settings, Map.of(), null);
        waitFor(30, () -> "LIVE".equals(state()) && window.title().contains("(DEMO · LIVE)"), "the demo, LIVE: " + window.title());
        DemoEnvironment demo = window.current().demo;
        assertTrue(demo.server().isAlive());
        clickOn("#connection-menu").clickOn("alpha");
        awaitLive(1);
        assertEquals("MT5 Instance Console — alpha (LIVE)", window.title());
        assertFalse(demo.server().isAlive(), "the demo's Redis stopped");
    }
}
