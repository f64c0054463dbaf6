package com.mt5ops.console.ui.detail;

import com.mt5ops.console.model.Fields;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.HashPart;
import com.mt5ops.console.model.Problem;
import com.mt5ops.console.model.RawInstance;
import com.mt5ops.console.ui.fx.Format;
import com.mt5ops.console.ui.fx.LongText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * The fields of the three hashes, raw text as stored, with each field's problem beside it. Bounded for hashes Redis
 * may hold whole: the known fields and the first others by name up to {@link FieldRows#MAX} per hash, then a count;
 * long values folded ({@link LongText}). Rebuilt only when the instance's raw data or problems change.
 */
final class FieldsGrid extends GridPane {
    /** Up to this many characters a value stays on one line (an ISO time is 20, a UUID 36). */
    private static final int SHORT = 40;
    /** Field names up to this long keep their whole width; the ones the console reads are at most 18. */
    private static final int SHORT_NAME = 24;
    private static final double NAME_MIN = 150;
    private RawInstance shownRaw;
    private List<Problem> shownProblems;

    FieldsGrid() {
        getStyleClass().add("fields");
        setId("fields-grid");
    }

    void show(Instance i) {
        // the same data (a batch that changed other instances, a button's state): the rows stand as they are
        if (Objects.equals(i.raw(), shownRaw) && i.problems().equals(shownProblems)) {
            return;
        }
        shownRaw = i.raw();
        shownProblems = i.problems();
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

    /** The unit of a value that reads as written ("%" for "39.2" read as 39.2 %), else null. */
    static String unit(String parsed, String value) {
        int space = parsed == null ? -1 : parsed.lastIndexOf(' ');
        if (space < 0) {
            return null;
        }
        try {
            return Double.parseDouble(parsed.substring(0, space)) == Double.parseDouble(value.trim()) ? parsed.substring(space + 1) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What the console read, after a value it reads otherwise than written ("= 42 %"); empty when it adds nothing. */
    static String reading(String parsed, String value) {
        return parsed == null || parsed.equals(value) || unit(parsed, value) != null ? "" : "= " + parsed;
    }

    /** A short value (a number, a time, a word, an id) keeps to one line; only long text wraps. */
    private static void noWrapWhenShort(Label label, String value) {
        if (value.length() <= SHORT) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        } else {
            label.setWrapText(true);
            label.setMaxWidth(230);
        }
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
        List<String> names = FieldRows.shown(hash);
        for (String name : names) {
            String value = hash.get(name);
            Label k = new Label(LongText.clip(name, 80));
            k.getStyleClass().addAll("key", "field-name");
            if (name.length() <= SHORT_NAME) {
                k.setMinWidth(Region.USE_PREF_SIZE);
            } else {
                k.setMinWidth(NAME_MIN); // an odd long name gives way (ellipsized) before the values do
            }
            Problem p = i.problems().stream().filter(x -> key.equals(x.key()) && name.equals(x.field())).findFirst().orElse(null);
            Label v = new Label();
            v.getStyleClass().add(p == null ? "raw" : "bad");
            noWrapWhenShort(v, value);
            javafx.scene.Node shown = value.isEmpty() ? v : LongText.view(v, "", value, part.hashName() + " " + name);
            if (value.isEmpty()) {
                v.setText("\"\"");
            }
            String parsed = p == null ? parsed(i, part, name) : null;
            String unit = unit(parsed, value);
            String after = unit != null ? unit : reading(parsed, value);
            if (!after.isEmpty()) { // right after the value, on its line: "39.2 %", "3600 = 1h 0m"
                Label u = new Label(after);
                u.getStyleClass().addAll("key", unit != null ? "unit" : "reading");
                v.setGraphic(u);
                v.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
                v.setGraphicTextGap(4);
            }
            Label why = new Label(p == null ? "" : "⚠ " + LongText.clip(p.message(), LongText.INLINE));
            why.getStyleClass().add("problem");
            why.setWrapText(true);
            why.setMaxWidth(220);
            addRow(row++, k, shown, why);
        }
        if (names.size() < hash.size()) {
            Label more = new Label(String.format(Locale.ROOT, "… and %,d more fields", hash.size() - names.size()));
            more.getStyleClass().add("muted");
            more.setId("fields-more-" + part.hashName());
            add(more, 0, row++, 3, 1);
        }
        return row;
    }
}
