package com.mt5ops.console.ui.detail;

import com.mt5ops.console.model.Fields;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.HashPart;
import com.mt5ops.console.model.Problem;
import com.mt5ops.console.ui.fx.Format;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** Every field of the three hashes, raw text as stored, with each field's problem beside it. */
final class FieldsGrid extends GridPane {

    FieldsGrid() {
        getStyleClass().add("fields");
        setId("fields-grid");
    }

    void show(Instance i) {
        getChildren().clear();
        int row = 0;
        for (HashPart part : HashPart.values()) {
            row = hash(i, part, row);
        }
    }

    /** The typed value the console uses for a known field (null for unknown extra fields). */
    private static String parsed(Instance i, HashPart part, String field) {
        Object v = switch (part) {
            case INSTANCE -> i.state() == null ? null : switch (field) {
                case Fields.STATE -> i.state().state();
                case Fields.LAUNCH_MODE -> i.state().launchMode();
                case Fields.ACTIVE_CONNECTIONS -> i.state().activeConnections();
                case Fields.LAST_UPDATED_AT -> i.state().lastUpdatedAt();
                default -> null;
            };
            case METRICS -> i.metrics() == null ? null : switch (field) {
                case Fields.CPU_USAGE -> i.metrics().cpuUsage() + " %";
                case Fields.MEMORY_USAGE -> i.metrics().memoryUsage() + " MB";
                case Fields.NETWORK_USAGE -> i.metrics().networkUsage() + " KBps";
                case Fields.DISK_USAGE -> i.metrics().diskUsage() + " MB";
                case Fields.LAST_UPDATED_AT -> i.metrics().lastUpdatedAt();
                default -> null;
            };
            case HEALTH -> i.health() == null ? null : switch (field) {
                case Fields.UPTIME_SECONDS -> i.uptimeOrNull() == null ? null : Format.duration(i.uptimeOrNull());
                case Fields.RESTART_COUNT -> i.restartsOrNull();
                case Fields.HEALTH_STATUS -> i.healthOrNull();
                case Fields.LAST_UPDATED_AT -> i.health().lastUpdatedAt();
                default -> null;
            };
        };
        return v == null ? null : v instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : v.toString();
    }

    private int hash(Instance i, HashPart part, int row) {
        String key = part.key(i.id());
        Map<String, String> hash = i.raw().hash(part);
        Label title = new Label(part.hashName() + (hash == null ? "  (absent)" : ""));
        title.getStyleClass().add("section");
        add(title, 0, row++, 3, 1);
        if (hash == null) {
            return row;
        }
        for (Map.Entry<String, String> e : new TreeMap<>(hash).entrySet()) {
            Label k = new Label(e.getKey());
            k.getStyleClass().add("key");
            k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Problem p = i.problems().stream().filter(x -> key.equals(x.key()) && e.getKey().equals(x.field())).findFirst().orElse(null);
            Label v = new Label(e.getValue().isEmpty() ? "\"\"" : e.getValue());
            v.getStyleClass().add(p == null ? "raw" : "bad");
            v.setWrapText(true);
            v.setMaxWidth(230);
            String parsed = p == null ? parsed(i, part, e.getKey()) : null;
            if (parsed != null && (parsed.equals(e.getValue()) || parsed.replace(".0 ", " ").startsWith(e.getValue() + " "))) {
                parsed = null; // nothing to add beyond the raw text
            }
            Label why = new Label(p == null ? (parsed == null ? "" : "= " + parsed) : "⚠ " + p.message());
            why.getStyleClass().add(p == null ? "key" : "problem");
            why.setWrapText(true);
            why.setMaxWidth(220);
            addRow(row++, k, v, why);
        }
        return row;
    }
}
