package com.mt5ops.console.ui.fleet;

import com.mt5ops.console.model.ExpectedState;
import com.mt5ops.console.model.Instance;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Function;
import java.util.List;
import java.util.Set;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * Which instances are selected (by id, so selection survives updates and re-sorts) and which one is focused
 * in the detail pane, and the state each had when it was selected (a bulk confirmation shows what changed since).
 * {@link #version()} changes on every edit so cells can redraw their highlight.
 */
public final class Selection {
    private final ObservableList<String> visible;
    private final Function<String, Instance> lookup;
    private final Set<String> ids = new LinkedHashSet<>();
    private final Map<String, ExpectedState> seen = new HashMap<>();
    private final StringProperty focused = new SimpleStringProperty();
    private final IntegerProperty version = new SimpleIntegerProperty();
    private final IntegerProperty count = new SimpleIntegerProperty();

    Selection(ObservableList<String> visible, Function<String, Instance> lookup) {
        this.visible = visible;
        this.lookup = lookup;
    }

    public void only(String id) {
        ids.clear();
        seen.clear();
        if (id != null) {
            add(id);
        }
        focused.set(id);
        bump();
    }

    public void toggle(String id) {
        if (!ids.remove(id)) {
            add(id);
            focused.set(id);
        } else if (id.equals(focused.get())) {
            focused.set(ids.isEmpty() ? null : ids.iterator().next());
        }
        bump();
    }

    /** Selects the visible range between the focused id and {@code id}. */
    public void extendTo(String id) {
        int from = visible.indexOf(focused.get());
        int to = visible.indexOf(id);
        if (from < 0 || to < 0) {
            only(id);
            return;
        }
        List<String> range = visible.subList(Math.min(from, to), Math.max(from, to) + 1);
        range.stream().filter(i -> !ids.contains(i)).forEach(this::add);
        bump();
    }

    /** Moves the focus by {@code delta} visible positions (arrow keys). */
    public void move(int delta) {
        if (visible.isEmpty()) {
            return;
        }
        int at = visible.indexOf(focused.get());
        int next = at < 0 ? 0 : Math.max(0, Math.min(visible.size() - 1, at + delta));
        only(visible.get(next));
    }

    public void clear() {
        ids.clear();
        seen.clear();
        focused.set(null);
        bump();
    }

    void retainVisible() {
        if (ids.retainAll(new java.util.HashSet<>(visible))) {
            seen.keySet().retainAll(ids);
            if (focused.get() != null && !ids.contains(focused.get())) {
                focused.set(ids.isEmpty() ? null : ids.iterator().next());
            }
            bump();
        }
    }

    /**
     * Drops what left the view, except the focused instance: its card is gone at once (the filters hold), while the
     * detail keeps showing it, so the result of an action that moved it out of a filter stays in sight.
     */
    void retainVisibleAndFocused() {
        java.util.Set<String> keep = new java.util.HashSet<>(visible);
        if (focused.get() != null) {
            keep.add(focused.get());
        }
        if (ids.retainAll(keep)) {
            bump();
        }
    }

    public boolean isSelected(String id) {
        return ids.contains(id);
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }

    public List<String> ids() {
        return List.copyOf(ids);
    }

    public StringProperty focused() {
        return focused;
    }

    public IntegerProperty version() {
        return version;
    }

    /** How many instances are selected. */
    public ReadOnlyIntegerProperty count() {
        return count;
    }

    /** The state field {@code id} had when it was selected (missing: none), or null when it is not selected. */
    public ExpectedState seenAtSelection(String id) {
        return seen.get(id);
    }

    private void add(String id) {
        ids.add(id);
        Instance i = lookup.apply(id);
        if (i != null) {
            seen.put(id, ExpectedState.seen(i.rawState()));
        }
    }

    private void bump() {
        if (ids.size() != seen.size()) {
            seen.keySet().retainAll(ids);
        }
        count.set(ids.size());
        version.set(version.get() + 1);
    }
}
