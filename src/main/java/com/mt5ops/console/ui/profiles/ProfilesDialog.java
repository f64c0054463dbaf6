package com.mt5ops.console.ui.profiles;

import com.mt5ops.console.ui.settings.ConnectionProfile;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Connection profiles: the list, the selected one's fields, and Save, Test (one connection beside the current one,
 * the answer in one line), Switch (the window moves there) and Remove. Kept in the settings file without any password.
 */
final class ProfilesDialog {
    private final Dialog<Void> dialog = new Dialog<>();
    private final ListView<String> list = new ListView<>();
    private final ProfileForm form;
    private final Label result = new Label();
    private final SessionControl control;
    private List<ConnectionProfile> profiles;
    /** The saved profile the form edits; null for a new one. */
    private String editing;

    private ProfilesDialog(Window owner, SessionControl control, String current) {
        this.control = control;
        this.form = new ProfileForm(() -> dialog.getDialogPane().getScene().getWindow());
        this.profiles = new ArrayList<>(control.profiles());
        dialog.initOwner(owner);
        dialog.initModality(javafx.stage.Modality.NONE);
        dialog.setTitle("Connection profiles");
        dialog.setHeaderText("Named connections. No password is kept: the console asks for it when the server wants one"
                + " (or takes $MT5_REDIS_PASSWORD).");
        dialog.getDialogPane().setId("profiles-dialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        list.setId("profile-list");
        list.setPrefSize(180, 220);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, name) -> select(name));
        result.setId("profile-result");
        result.setWrapText(true);
        result.setMaxWidth(640);
        Button add = button("profile-new", "New", this::newProfile);
        Button remove = button("profile-remove", "Remove", this::remove);
        Button save = button("profile-save", "Save", this::save);
        Button test = button("profile-test", "Test", this::test);
        Button go = button("profile-switch", "Switch", this::switchTo);
        VBox left = new VBox(6, list, new HBox(6, add, remove));
        VBox right = new VBox(10, form.node(), new HBox(6, save, test, go), result);
        BorderPane content = new BorderPane(right, null, null, null, left);
        BorderPane.setMargin(right, new javafx.geometry.Insets(0, 0, 0, 12));
        dialog.getDialogPane().setContent(content);
        refresh(current);
        if (current == null) {
            newProfile();
        }
    }

    static ProfilesDialog show(Window owner, SessionControl control, String current) {
        ProfilesDialog d = new ProfilesDialog(owner, control, current);
        d.dialog.show();
        return d;
    }

    boolean isShowing() {
        return dialog.isShowing();
    }

    void close() {
        dialog.close();
    }

    private void refresh(String select) {
        list.getItems().setAll(profiles.stream().map(ConnectionProfile::name).toList());
        if (select != null && list.getItems().contains(select)) {
            list.getSelectionModel().select(select);
        }
    }

    private void select(String name) {
        if (name == null) {
            return;
        }
        profiles.stream().filter(p -> p.name().equals(name)).findFirst().ifPresent(p -> {
            editing = p.name();
            form.show(p);
            say("", true);
        });
    }

    private void newProfile() {
        editing = null;
        list.getSelectionModel().clearSelection();
        form.show(null);
        say("", true);
        Platform.runLater(form::focus);
    }

    /** Keeps the form as a profile (replacing the one it edits); the kept profile, or null after saying why not. */
    private ConnectionProfile save() {
        SessionControl.Checked checked = control.check(form.value());
        if (!checked.ok()) {
            say(checked.problem(), false);
            return null;
        }
        ConnectionProfile p = checked.profile();
        if (!p.name().equals(editing) && profiles.stream().anyMatch(q -> q.name().equals(p.name()))) {
            say("a profile named '" + p.name() + "' exists already", false);
            return null;
        }
        List<ConnectionProfile> next = new ArrayList<>(profiles);
        int at = editing == null ? -1 : next.indexOf(next.stream().filter(q -> q.name().equals(editing)).findFirst().orElse(null));
        if (at >= 0) {
            next.set(at, p);
        } else {
            next.add(p);
        }
        control.saveProfiles(next);
        profiles = next;
        editing = p.name();
        refresh(p.name());
        form.show(p);
        say("saved " + p.name() + (checked.note().isEmpty() ? "" : " (" + checked.note() + ")"), true);
        return p;
    }

    private void remove() {
        if (editing == null) {
            return;
        }
        String gone = editing;
        profiles = new ArrayList<>(profiles.stream().filter(p -> !p.name().equals(gone)).toList());
        control.saveProfiles(profiles);
        refresh(null);
        newProfile();
        say("removed " + gone, true);
    }

    private void test() {
        SessionControl.Checked checked = control.check(form.value());
        if (!checked.ok()) {
            say(checked.problem(), false);
            return;
        }
        say("testing " + checked.profile().uri() + "…", true);
        control.test(checked.profile()).whenCompleteAsync((r, err) -> say(err == null ? r.line() : "test failed: " + err.getMessage(),
                err == null && r.ok()), Platform::runLater);
    }

    private void switchTo() {
        ConnectionProfile p = save();
        if (p == null) {
            return;
        }
        String why = control.switchTo(p);
        if (why.isEmpty()) {
            dialog.close();
        } else {
            say("cannot switch: " + why, false);
        }
    }

    private void say(String text, boolean ok) {
        result.setText(text);
        result.getStyleClass().removeAll("result-ok", "result-bad");
        result.getStyleClass().add(ok ? "result-ok" : "result-bad");
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
