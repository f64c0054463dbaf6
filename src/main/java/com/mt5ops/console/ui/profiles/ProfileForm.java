package com.mt5ops.console.ui.profiles;

import com.mt5ops.console.ui.settings.ConnectionProfile;
import java.io.File;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The fields of one profile: name, URI, user and the three TLS files (each with a file chooser). No password field. */
final class ProfileForm {
    private final GridPane grid = new GridPane();
    private final TextField name = field("profile-name", "prod-eu");
    private final TextField uri = field("profile-uri", "redis://host:6379/0, rediss://…, redis-sentinel://…");
    private final TextField user = field("profile-user", "the URI's, else default");
    private final TextField caCert = field("profile-cacert", "PEM CA bundle to trust (rediss://)");
    private final TextField cert = field("profile-cert", "PEM client certificate");
    private final TextField key = field("profile-key", "PEM key of the client certificate");
    private final Supplier<Window> owner;

    ProfileForm(Supplier<Window> owner) {
        this.owner = owner;
        grid.setHgap(8);
        grid.setVgap(6);
        row(0, "Name", name, null);
        row(1, "URI", uri, null);
        row(2, "User", user, null);
        row(3, "CA certificate (--cacert)", caCert, browse(caCert));
        row(4, "Client certificate (--cert)", cert, browse(cert));
        row(5, "Client key (--key)", key, browse(key));
    }

    ConnectionProfile value() {
        return new ConnectionProfile(name.getText(), uri.getText(), user.getText(), caCert.getText(), cert.getText(), key.getText());
    }

    /** Shows {@code p}; null empties the form for a new profile. */
    void show(ConnectionProfile p) {
        ConnectionProfile shown = p == null ? new ConnectionProfile("", "", "", "", "", "") : p;
        name.setText(shown.name());
        uri.setText(shown.uri());
        user.setText(shown.user());
        caCert.setText(shown.caCert());
        cert.setText(shown.cert());
        key.setText(shown.key());
    }

    void focus() {
        name.requestFocus();
    }

    Node node() {
        return grid;
    }

    private void row(int r, String label, TextField field, Button browse) {
        grid.add(new Label(label + ":"), 0, r);
        grid.add(field, 1, r);
        GridPane.setHgrow(field, Priority.ALWAYS);
        if (browse != null) {
            grid.add(browse, 2, r);
        }
    }

    private Button browse(TextField target) {
        Button b = new Button("…");
        b.setId(target.getId() + "-browse");
        b.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            File now = target.getText().isBlank() ? null : new File(target.getText()).getParentFile();
            if (now != null && now.isDirectory()) {
                chooser.setInitialDirectory(now);
            }
            File chosen = chooser.showOpenDialog(owner.get());
            if (chosen != null) {
                target.setText(chosen.getAbsolutePath());
            }
        });
        return b;
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(32);
        return f;
    }
}
