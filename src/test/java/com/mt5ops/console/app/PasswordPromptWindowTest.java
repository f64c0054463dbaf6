package com.mt5ops.console.app;

import static com.mt5ops.console.app.WindowSessions.fx;
import static com.mt5ops.console.app.WindowSessions.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import com.mt5ops.console.ui.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;

/** The window asks for the password the server wants, connects with it, and keeps it nowhere. */
class PasswordPromptWindowTest extends FxRobot {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.withNotifications();
    private static final String PASSWORD = "0ps-s3cret-pw";

    @TempDir
    Path dir;
    private WindowSessions window;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void opsUserAndLogCapture() {
        REDIS.call("ACL", "SETUSER", "ops", "on", ">" + PASSWORD, "~*", "&*", "+@all");
        log.start();
        ((Logger) LoggerFactory.getLogger("com.mt5ops")).addAppender(log);
    }

    @AfterEach
    void close() throws Exception {
        ((Logger) LoggerFactory.getLogger("com.mt5ops")).detachAppender(log);
        REDIS.call("ACL", "SETUSER", "default", "on", "nopass");
        if (window != null) {
            window.close();
        }
    }

    private String hostPort() {
        return "127.0.0.1:" + REDIS.server().port();
    }

    private String state() {
        return fx(() -> lookup("#connection-state").tryQuery().map(n -> ((Label) n).getText()).orElse("no window yet"));
    }

    private void awaitPrompt() {
        waitFor(20, () -> lookup("#password-field").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false),
                "the password prompt");
    }

    private void awaitLive(int instances) {
        waitFor(20, () -> "LIVE".equals(state()) && WindowSessions.fleetShown(this) == instances,
                "LIVE with " + instances + " instances, now " + state() + " with " + WindowSessions.fleetShown(this));
    }

    @Test
    void aUserWithoutPasswordIsAskedForItAndOnlyTheUserIsRemembered() throws Exception {
        for (int k = 0; k < 3; k++) {
            Fixtures.instance(REDIS.redis(), "running");
        }
        window = new WindowSessions(dir, Settings.defaults(), Map.of(), "redis://ops@" + hostPort() + "/0");
        awaitPrompt();
        assertEquals("Password for ops@" + hostPort(), fx(() -> lookup("#password-dialog").queryAs(DialogPane.class).getHeaderText()));
        assertFalse(fx(() -> lookup("#password-user").queryAs(TextField.class).isEditable()), "the URI named the user");
        assertTrue(fx(() -> lookup("#password-reason").queryAs(Label.class).getText()).contains("authentication failed"));
        clickOn("#password-field").write(PASSWORD);
        clickOn("#password-connect");
        awaitLive(3);
        assertEquals("MT5 Instance Console — redis://" + hostPort() + "/0 (LIVE)", window.title());
        Path file = window.store.file();
        waitFor(10, () -> Files.isRegularFile(file) && Files.readString(file).contains("redis://ops@" + hostPort() + "/0"),
                "the settings file remembers the endpoint with its user");
        String onDisk = Files.readString(file);
        assertFalse(onDisk.contains(PASSWORD), onDisk);
        assertEquals("redis://ops@" + hostPort() + "/0", window.store.load().redis());
        assertTrue(log.list.stream().noneMatch(e -> e.getFormattedMessage().contains(PASSWORD)
                || e.getThrowableProxy() != null && String.valueOf(e.getThrowableProxy().getMessage()).contains(PASSWORD)), "nothing logged it");
    }

    @Test
    void cancelLeavesTheWindowDisconnectedWithTheReasonAndTheMenuAsksAgainWithAUserToType() throws Exception {
        Fixtures.instance(REDIS.redis(), "crashed");
        REDIS.call("ACL", "SETUSER", "default", "off"); // a URI without a user: the server answers NOAUTH
        window = new WindowSessions(dir, Settings.defaults(), Map.of(), "redis://" + hostPort() + "/0");
        awaitPrompt();
        assertTrue(fx(() -> lookup("#password-user").queryAs(TextField.class).isEditable()), "no user in the URI: one may be typed");
        clickOn("#password-cancel");
        waitFor(5, () -> lookup("#password-field").tryQuery().isEmpty(), "the prompt closed");
        assertEquals("DISCONNECTED", state());
        assertTrue(fx(() -> lookup("#banner-text").queryAs(Label.class).getText()).contains("authentication failed"),
                fx(() -> lookup("#banner-text").queryAs(Label.class).getText()));
        assertTrue(window.title().endsWith("(DISCONNECTED)"), window.title());
        clickOn("#connection-menu").clickOn("Enter password…");
        awaitPrompt();
        clickOn("#password-user").write("ops");
        waitFor(5, () -> ("Password for ops@" + hostPort()).equals(lookup("#password-dialog").queryAs(DialogPane.class).getHeaderText()),
                "the header names the user typed");
        clickOn("#password-field").write(PASSWORD);
        clickOn("#password-connect");
        awaitLive(1);
        assertFalse(Files.readString(window.store.file()).contains(PASSWORD));
    }
}
