package com.mt5ops.console.ui.fleet;

import com.mt5ops.console.model.Instance;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The visible ids in the order the operator sees them (FX thread): new matches join at the end, instances that stop
 * matching leave at once, and what a re-sort would move is counted, not moved.
 */
final class VisibleOrder {
    private final ObservableList<String> visible = FXCollections.observableArrayList();
    private final Map<String, Integer> index = new HashMap<>();
    private final Set<String> pending = new HashSet<>();
    private final IntegerProperty pendingCount = new SimpleIntegerProperty();

    ObservableList<String> list() {
        return visible;
    }

    int indexOf(String id) {
        return index.getOrDefault(id, -1);
    }

    boolean contains(String id) {
        return index.containsKey(id);
    }

    /** New matches at the end, in one list change; they count as waiting for a re-sort. */
    void append(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        int at = visible.size();
        for (String id : ids) {
            index.put(id, at++);
        }
        visible.addAll(ids);
        pending.addAll(ids);
    }

    /** Takes {@code ids} out at once, in one list change (filters apply to the frozen order too). */
    boolean hide(Collection<String> ids) {
        Set<String> gone = new HashSet<>(ids);
        gone.retainAll(index.keySet());
        if (gone.isEmpty()) {
            return false;
        }
        visible.removeIf(gone::contains);
        pending.removeAll(gone);
        reindex();
        return true;
    }

    /** Applies {@code matches} again to everything: the shown that fail leave, the others that pass join. True if any left. */
    boolean refilter(Map<String, Instance> all, java.util.function.Predicate<Instance> matches) {
        List<String> leaving = new java.util.ArrayList<>();
        for (String id : visible) {
            Instance i = all.get(id);
            if (i == null || !matches.test(i)) {
                leaving.add(id);
            }
        }
        List<String> joining = new java.util.ArrayList<>();
        for (Instance i : all.values()) {
            if (!index.containsKey(i.id()) && matches.test(i)) {
                joining.add(i.id());
            }
        }
        boolean left = hide(leaving);
        append(joining);
        publishPending();
        return left;
    }

    void markPending(String id) {
        pending.add(id);
    }

    /** The whole order anew (a re-sort): nothing waits any more. */
    void setAll(List<String> ids) {
        visible.setAll(ids);
        reindex();
        pending.clear();
        publishPending();
    }

    void publishPending() {
        pendingCount.set(pending.size());
    }

    IntegerProperty pendingCount() {
        return pendingCount;
    }

    /** True when {@code i} no longer sorts between its neighbours: a re-sort would move it. */
    boolean outOfOrder(Instance i, Comparator<Instance> order, Function<String, Instance> byId) {
        int at = indexOf(i.id());
        if (at < 0 || at >= visible.size()) {
            return false;
        }
        Instance prev = at > 0 ? byId.apply(visible.get(at - 1)) : null;
        Instance next = at + 1 < visible.size() ? byId.apply(visible.get(at + 1)) : null;
        return (prev != null && order.compare(prev, i) > 0) || (next != null && order.compare(i, next) > 0);
    }

    private void reindex() {
        index.clear();
        for (int k = 0; k < visible.size(); k++) {
            index.put(visible.get(k), k);
        }
    }
}
