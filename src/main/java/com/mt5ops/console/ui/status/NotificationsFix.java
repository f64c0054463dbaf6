package com.mt5ops.console.ui.status;

import com.mt5ops.console.redis.NotificationConfig;
import com.mt5ops.console.sync.MirrorAccess;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The POLLING banner's offer to turn on the keyspace events the console needs: it shows the exact CONFIG SET it would
 * send (the flags set now plus the missing ones) and sends it only when the operator confirms. Never offered by a
 * read-only console, nor when the Redis user may not change the setting.
 */
public final class NotificationsFix {
    private final MirrorAccess access;
    private final ObservableBooleanValue readOnly;
    private final Executor io;
    private final Supplier<Window> owner;
    private final Button button = new Button("Enable keyspace notifications…");
    private final Label outcome = new Label();
    private final HBox box = new HBox(8, button, outcome);
    private boolean polling;

    public NotificationsFix(MirrorAccess access, ObservableBooleanValue readOnly, Executor io, Supplier<Window> owner) {
        this.access = access;
        this.readOnly = readOnly;
        this.io = io;
        this.owner = owner;
        button.setId("enable-notifications");
        outcome.setId("enable-notifications-result");
        button.setOnAction(e -> access.notificationFix().ifPresent(this::confirm));
        readOnly.addListener(o -> show(polling));
        show(false);
    }

    /** Shown while polling, when there is a change to offer and the console may make it (FX thread). */
    void show(boolean pollingNow) {
        polling = pollingNow;
        boolean offered = pollingNow && !readOnly.get() && access.notificationFix().isPresent();
        button.setVisible(offered);
        button.setManaged(offered);
        if (!pollingNow) {
            outcome.setText("");
            button.setDisable(false);
        }
        box.setVisible(offered || !outcome.getText().isEmpty());
        box.setManaged(box.isVisible());
    }

    private void confirm(NotificationConfig.Fix fix) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle("Change the server's configuration?");
        d.setHeaderText("Turn on keyspace notifications on " + (fix.node().isEmpty() ? "this Redis?" : "cluster master " + fix.node() + "?"));
        Label command = new Label(fix.command());
        command.setId("notifications-command");
        command.getStyleClass().add("mono");
        Label what = new Label("It adds the flags the console needs (K g h s x) to the ones set now ('" + fix.current()
                + "'), keeping all of them. Every client subscribed to this Redis's keyspace events will receive them.");
        what.setWrapText(true);
        what.setMaxWidth(520);
        d.getDialogPane().setContent(new VBox(8, new Label("The console will send exactly:"), command, what));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Send CONFIG SET");
        ok.setId("notifications-confirm");
        d.getDialogPane().setId("notifications-dialog");
        if (d.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        button.setDisable(true);
        outcome.setText("sending " + fix.command() + " …");
        CompletableFuture.supplyAsync(() -> access.enableNotifications(fix), io).whenCompleteAsync((done, failed) -> {
            button.setDisable(false);
            Throwable cause = failed == null ? null : failed.getCause() != null ? failed.getCause() : failed;
            outcome.setText(cause == null ? done : "failed: " + cause.getMessage());
            show(polling);
        }, Platform::runLater);
    }

    public Node node() {
        return box;
    }
}
