package com.mt5ops.console.ui.profiles;

import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Password for user@host:port": asked when the server refused the connection's credentials or wanted some. The user
 * name can be typed only when the URI gave none. The password goes to {@code connect} and nowhere else: the field is
 * masked and cleared when the dialog closes; Cancel leaves the connection as it is.
 */
final class PasswordPrompt {
    private final Dialog<ButtonType> dialog = new Dialog<>();

    private PasswordPrompt(Window owner, SessionInfo info, String reason, BiConsumer<String, String> connect) {
        dialog.initOwner(owner);
        dialog.setTitle("Redis password");
        ButtonType go = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        dialog.getDialogPane().setId("password-dialog");
        dialog.getDialogPane().lookupButton(go).setId("password-connect");
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("password-cancel");
        TextField user = new TextField(info.user() == null ? "" : info.user());
        user.setId("password-user");
        user.setPromptText("default");
        user.setEditable(info.user() == null);
        user.setFocusTraversable(info.user() == null);
        PasswordField password = new PasswordField();
        password.setId("password-field");
        Label why = new Label(reason);
        why.setId("password-reason");
        why.setWrapText(true);
        Label note = new Label("Kept in memory for this connection only; never written anywhere.");
        note.getStyleClass().add("muted");
        dialog.headerTextProperty().bind(Bindings.createStringBinding(() -> "Password for "
                + (user.getText().isBlank() ? "default" : user.getText().strip()) + "@" + info.where(), user.textProperty()));
        dialog.getDialogPane().lookupButton(go).disableProperty().bind(password.textProperty().isEmpty());
        dialog.getDialogPane().setContent(new VBox(8, why, new Label("User:"), user, new Label("Password:"), password, note));
        dialog.setResultConverter(b -> b);
        dialog.setOnHidden(e -> {
            String typed = password.getText();
            password.clear();
            if (dialog.getResult() == go) {
                connect.accept(user.getText().strip(), typed);
            }
        });
        dialog.setOnShown(e -> Platform.runLater(password::requestFocus));
    }

    /** Shows the prompt (without waiting for it); {@code connect} gets the user and the password on Connect. */
    static PasswordPrompt show(Window owner, SessionInfo info, String reason, BiConsumer<String, String> connect) {
        PasswordPrompt prompt = new PasswordPrompt(owner, info, reason, connect);
        prompt.dialog.show();
        return prompt;
    }

    boolean isShowing() {
        return dialog.isShowing();
    }

    /** Closes it as if cancelled (the window moved to another connection meanwhile). */
    void cancel() {
        dialog.setResult(ButtonType.CANCEL);
        dialog.close();
    }
}
