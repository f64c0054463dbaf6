package com.mt5ops.console.ui.fleet;

import com.mt5ops.console.export.TerminalText;
import com.mt5ops.console.ui.fx.Format;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The shared broker names as the window shows them (FX thread). A name is text that other systems or operators
 * wrote: it is shown with its control and text-direction characters escaped and cut to a bound, never as it is.
 * The views ask for a rename through {@link #askRename(String)}; whoever may write answers it.
 */
public final class BrokerNames {
    /** The most of a name a card, a header or a filter shows. */
    public static final int SHORT = 24;
    /** The most of a name the detail pane and the table show. */
    public static final int LONG = 64;

    private Map<String, String> names = Map.of();
    private final IntegerProperty version = new SimpleIntegerProperty();
    private final BooleanProperty editable = new SimpleBooleanProperty();
    private Consumer<String> renamer = id -> { };

    /** Takes the names now held in Redis. */
    public void set(Map<String, String> now) {
        if (!now.equals(names)) {
            names = Map.copyOf(now);
            version.set(version.get() + 1);
        }
    }

    /** Every name as read (raw: escape before showing). */
    public Map<String, String> all() {
        return names;
    }

    /** The name as stored, or null (for compare-and-set). */
    public String raw(String brokerId) {
        return brokerId == null ? null : names.get(brokerId);
    }

    /** The name fit to show, at most {@code max} characters, or null when the broker has none. */
    public String shown(String brokerId, int max) {
        String name = raw(brokerId);
        return name == null || name.isBlank() ? null : bounded(name, max);
    }

    /** The name fit to show, else the broker id shortened, else "—". */
    public String label(String brokerId, int max) {
        String name = shown(brokerId, max);
        return name != null ? name : brokerId == null ? "—" : Format.shortId(TerminalText.escape(brokerId));
    }

    /** "name (id)" when named, else the id, both escaped; null for no broker (confirmations, the detail pane). */
    public String withId(String brokerId) {
        if (brokerId == null) {
            return null;
        }
        String name = shown(brokerId, LONG);
        String id = bounded(brokerId, LONG);
        return name == null ? id : name + " (" + id + ")";
    }

    /** Escaped, then cut to {@code max} characters with "…" (never half a character). */
    public static String bounded(String text, int max) {
        String safe = TerminalText.escape(text);
        if (safe.codePointCount(0, safe.length()) <= max) {
            return safe;
        }
        return safe.substring(0, safe.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** Changes whenever the names do: views redraw. */
    public IntegerProperty version() {
        return version;
    }

    /** True when this console may rename brokers (not read-only). */
    public BooleanProperty editable() {
        return editable;
    }

    /** A view asks to rename {@code brokerId} (the group header's menu). */
    public void askRename(String brokerId) {
        if (editable.get() && brokerId != null) {
            renamer.accept(brokerId);
        }
    }

    /** Who answers {@link #askRename(String)}. */
    public void renameWith(Consumer<String> renamer) {
        this.renamer = renamer;
    }
}
