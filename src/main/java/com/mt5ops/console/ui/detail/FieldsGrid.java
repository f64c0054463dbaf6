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
            Problem p = i.problems().stream().filter(x -> key.equals(x.key()) && e.getKey().equals(x.field())).findFirst().orElse(null);
            Label v = new Label(e.getValue().isEmpty() ? "\"\"" : e.getValue());
            v.getStyleClass().add(p == null ? "raw" : "bad");
            v.setWrapText(true);
            v.setMaxWidth(230);
            Label why = new Label(p == null ? "" : "⚠ " + p.message());
            why.getStyleClass().add("problem");
            why.setWrapText(true);
            why.setMaxWidth(220);
            addRow(row++, k, v, why);
        }
        return row;
    }
}
