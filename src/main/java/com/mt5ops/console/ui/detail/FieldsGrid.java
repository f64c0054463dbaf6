package com.mt5ops.console.ui.detail;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.Problem;
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
        row = hash(i, KeySchema.instanceKey(i.id()), i.raw().instance(), row);
        row = hash(i, KeySchema.metricsKey(i.id()), i.raw().metrics(), row);
        hash(i, KeySchema.healthKey(i.id()), i.raw().health(), row);
    }

    /** The typed value the console uses for a known field (null for unknown extra fields). */
    private static String parsed(Instance i, String key, String field) {
        Object v = null;
        if (key.startsWith(KeySchema.METRICS_PREFIX) && i.metrics() != null) {
            var m = i.metrics();
            v = switch (field) {
                case "cpu_usage" -> m.cpuUsage() + " %";
                case "memory_usage" -> m.memoryUsage() + " MB";
                case "network_usage" -> m.networkUsage() + " KBps";
                case "disk_usage" -> m.diskUsage() + " MB";
                case "last_updated_at" -> m.lastUpdatedAt();
                default -> null;
            };
        } else if (key.startsWith(KeySchema.HEALTH_PREFIX) && i.health() != null) {
            var h = i.health();
            v = switch (field) {
                case "uptime_seconds" -> h.uptimeSeconds() == null ? null : com.mt5ops.console.ui.fx.Format.duration(h.uptimeSeconds());
                case "restart_count" -> h.restartCount();
                case "health_status" -> h.healthStatus();
                case "last_updated_at" -> h.lastUpdatedAt();
                default -> null;
            };
        } else if (key.startsWith(KeySchema.INSTANCE_PREFIX) && i.state() != null) {
            var s = i.state();
            v = switch (field) {
                case "state" -> s.state();
                case "launch_mode" -> s.launchMode();
                case "active_connections" -> s.activeConnections();
                case "last_updated_at" -> s.lastUpdatedAt();
                default -> null;
            };
        }
        return v == null ? null : v instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : v.toString();
    }

    private int hash(Instance i, String key, Map<String, String> hash, int row) {
        Label title = new Label(key.substring(0, key.indexOf(':')) + (hash == null ? "  (absent)" : ""));
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
            String parsed = p == null ? parsed(i, key, e.getKey()) : null;
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
