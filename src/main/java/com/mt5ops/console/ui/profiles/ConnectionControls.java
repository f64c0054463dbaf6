package com.mt5ops.console.ui.profiles;

import com.mt5ops.console.redis.RedisAccessException;
import com.mt5ops.console.sync.ConnectionState;
import com.mt5ops.console.sync.MirrorStats;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fx.Hint;
import com.mt5ops.console.ui.settings.ConnectionProfile;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Stage;

/**
 * The window's connection, for one session: its name in the title with the connection state ("MT5 Instance Console —
 * prod-eu (LIVE)"), a status-bar menu to switch profiles, go to the demo or manage the profiles, and the password
 * prompt when the server refuses the credentials (once per session on its own, again from the menu).
 */
public final class ConnectionControls {
    private final MenuButton menu = new MenuButton();
    private final Stage stage;
    private final SessionInfo info;
    private final SessionControl control;
    private final Consumer<String> notice;
    private boolean asked;
    private String authFailure = "";
    private PasswordPrompt prompt;
    private ProfilesDialog profiles;

    /** Binds the stage's title until {@link #dispose}; {@code notice} puts a line in the status bar. FX thread. */
    public ConnectionControls(Stage stage, FleetViewModel vm, SessionInfo info, SessionControl control, Consumer<String> notice) {
        this.stage = stage;
        this.info = info;
        this.control = control;
        this.notice = notice;
        menu.setId("connection-menu");
        menu.setText(info.profile() != null ? info.profile() : info.demo() ? "Demo" : "Profiles");
        menu.getStyleClass().add("connection-menu");
        Hint.install(menu, "The connection: switch to another profile or the demo, or manage the profiles");
        menu.setOnShowing(e -> fill());
        fill();
        stage.titleProperty().bind(Bindings.createStringBinding(() -> title(vm.stats().get()), vm.stats()));
        vm.stats().addListener((o, a, s) -> watch(s));
    }

    private String title(MirrorStats s) {
        String state = s == null ? ConnectionState.CONNECTING.name() : s.state().name();
        return "MT5 Instance Console — " + info.name() + " (" + (info.demo() ? "DEMO · " : "") + state + ")";
    }

    /** Asks for a password the first time this connection fails for its credentials. */
    private void watch(MirrorStats s) {
        boolean refused = s != null && s.state() == ConnectionState.DISCONNECTED && RedisAccessException.isAuthFailure(s.reason());
        authFailure = refused ? s.reason() : authFailure;
        if (refused && !asked && !info.demo()) {
            asked = true;
            Platform.runLater(this::askPassword); // not from inside the pulse that applied the batch
        }
    }

    private void askPassword() {
        if (prompt != null && prompt.isShowing()) {
            return;
        }
        String reason = authFailure.isEmpty() ? "Redis wants a password for this connection." : authFailure;
        prompt = PasswordPrompt.show(stage, info, reason, (user, password) -> {
            notice.accept("connecting to " + info.name() + " as " + (user.isBlank() ? "default" : user) + "…");
            control.reconnectAs(user, password);
        });
    }

    private void fill() {
        menu.getItems().clear();
        for (ConnectionProfile p : control.profiles()) {
            MenuItem item = new MenuItem((p.name().equals(info.profile()) ? "✓ " : "") + p.name());
            item.setDisable(p.name().equals(info.profile()));
            item.setOnAction(e -> switchTo(p));
            menu.getItems().add(item);
        }
        MenuItem demo = new MenuItem((info.demo() ? "✓ " : "") + "Demo");
        demo.setDisable(info.demo());
        demo.setOnAction(e -> {
            notice.accept("starting the demo…");
            control.switchToDemo();
        });
        MenuItem password = new MenuItem("Enter password…");
        password.setId("enter-password");
        password.setDisable(info.demo());
        password.setOnAction(e -> askPassword());
        MenuItem manage = new MenuItem("Manage profiles…");
        manage.setId("manage-profiles");
        manage.setOnAction(e -> manage());
        menu.getItems().addAll(demo, new SeparatorMenuItem(), password, manage);
    }

    private void switchTo(ConnectionProfile p) {
        String why = control.switchTo(p);
        notice.accept(why.isEmpty() ? "switching to " + p.name() + "…" : "cannot switch to " + p.name() + ": " + why);
    }

    private void manage() {
        if (profiles == null || !profiles.isShowing()) {
            profiles = ProfilesDialog.show(stage, control, info.profile());
        }
    }

    public Node node() {
        return menu;
    }

    /** The window moves to another connection: the title is free again and this session's dialogs close. */
    public void dispose() {
        stage.titleProperty().unbind();
        if (prompt != null && prompt.isShowing()) {
            prompt.cancel();
        }
        if (profiles != null && profiles.isShowing()) {
            profiles.close();
        }
    }
}
