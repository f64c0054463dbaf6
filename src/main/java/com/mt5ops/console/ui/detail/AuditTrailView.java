package com.mt5ops.console.ui.detail;

import com.mt5ops.console.model.AuditEntry;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * One instance's audit trail, newest first: every entry still in `console:audit`, in a virtualized list so a
 * long trail costs no more than a short one. Each entry names the claimed operator next to the Redis user the
 * server authenticated, and the server's time.
 */
final class AuditTrailView {
    private static final double ROW = 44;
    private static final int ROWS_SHOWN = 6;

    private final ListView<AuditEntry> list = new ListView<>();
    private final Label placeholder = new Label();

    AuditTrailView() {
        list.setId("detail-audit");
        list.setFocusTraversable(false);
        list.setPlaceholder(placeholder);
        placeholder.getStyleClass().add("muted");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(AuditEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : line(e));
                getStyleClass().remove("mono");
                if (!empty) {
                    getStyleClass().add("mono");
                }
            }
        });
        message("");
    }

    Node node() {
        return list;
    }

    /** A state instead of entries: loading, unavailable, or none recorded. */
    void message(String text) {
        list.getItems().clear();
        placeholder.setText(text);
        list.setPrefHeight(ROW);
    }

    void show(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            message("no operator actions recorded for this instance in console:audit");
            return;
        }
        list.getItems().setAll(entries);
        list.setPrefHeight(Math.min(entries.size(), ROWS_SHOWN) * ROW + 4);
    }

    /** Two lines: when and what, then who (claimed, and as Redis knows them) and why. */
    static String line(AuditEntry e) {
        String what = e.action() != null && !e.action().isEmpty() ? e.action()
                : orQ(e.from()) + " → " + orQ(e.to());
        String count = e.restartCount() == null || e.restartCount().isEmpty() ? "" : "  restart_count " + e.restartCount();
        String reason = e.reason() == null || e.reason().isEmpty() ? "" : "  \"" + e.reason() + "\"";
        return orQ(e.time()) + " (server)  " + what + count
                + "\n" + orQ(e.operator()) + " (Redis user " + orQ(e.redisUser()) + ") @" + orQ(e.host()) + reason;
    }

    private static String orQ(String s) {
        return s == null || s.isEmpty() ? "?" : s;
    }
}
