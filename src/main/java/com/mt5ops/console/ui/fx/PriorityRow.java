package com.mt5ops.console.ui.fx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * A row that fits whatever width it gets. Each item has its preferred width while there is room; when there is not,
 * the least important items shrink to their minimum first (a label ellipsizes itself), then the hideable ones leave
 * the row, least important first, and the trailing node (an overflow menu, a summary) appears at the right end in
 * their place. Width to spare goes to the items that grow, up to their maximum.
 */
public final class PriorityRow extends Pane {
    private record Item(Node node, int importance, boolean hideable, boolean grows) {
    }

    /** Narrower than this, an item that may shrink to nothing leaves altogether. */
    private static final double SLIVER = 28;
    private final List<Item> items = new ArrayList<>();
    private final double gap;
    private Node trailing;
    private List<Node> hidden = List.of();
    private Consumer<List<Node>> onHiddenChanged = h -> { };

    public PriorityRow(double gap) {
        this.gap = gap;
    }

    /** Adds {@code node} at the end; higher {@code importance} stays longer. */
    public PriorityRow add(Node node, int importance, boolean hideable, boolean grows) {
        items.add(new Item(node, importance, hideable, grows));
        getChildren().add(trailing == null ? getChildren().size() : getChildren().size() - 1, node);
        return this;
    }

    /** What stands in for the hidden items; shown only while some are hidden. */
    public void setTrailing(Node node) {
        if (trailing != null) {
            getChildren().remove(trailing);
        }
        trailing = node;
        node.setVisible(false);
        getChildren().add(node);
    }

    /** The items that do not fit now, in row order. */
    public List<Node> hidden() {
        return hidden;
    }

    public void setOnHiddenChanged(Consumer<List<Node>> listener) {
        onHiddenChanged = listener;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    private List<Item> managed() {
        return items.stream().filter(i -> i.node().isManaged()).toList();
    }

    @Override
    protected double computePrefWidth(double height) {
        List<Item> shown = managed();
        double sum = shown.stream().mapToDouble(i -> i.node().prefWidth(-1)).sum();
        return snappedLeftInset() + snappedRightInset() + sum + gap * Math.max(0, shown.size() - 1);
    }

    @Override
    protected double computeMinWidth(double height) {
        List<Item> fixed = managed().stream().filter(i -> !i.hideable()).toList();
        double sum = fixed.stream().mapToDouble(i -> Math.min(i.node().minWidth(-1), i.node().prefWidth(-1))).sum();
        double more = trailing == null ? 0 : trailing.prefWidth(-1) + gap;
        return snappedLeftInset() + snappedRightInset() + sum + gap * Math.max(0, fixed.size() - 1) + more;
    }

    @Override
    protected double computePrefHeight(double width) {
        double h = managed().stream().mapToDouble(i -> i.node().prefHeight(-1)).max().orElse(0);
        if (trailing != null) {
            h = Math.max(h, trailing.prefHeight(-1));
        }
        return snappedTopInset() + snappedBottomInset() + h;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double avail = getWidth() - in.getLeft() - in.getRight();
        double height = getHeight() - in.getTop() - in.getBottom();
        List<Item> row = managed();
        int n = row.size();
        double[] w = new double[n];
        double[] min = new double[n];
        boolean[] shown = new boolean[n];
        double total = gap * Math.max(0, n - 1);
        for (int k = 0; k < n; k++) {
            Node node = row.get(k).node();
            w[k] = snapSizeX(node.prefWidth(-1));
            min[k] = Math.min(w[k], snapSizeX(node.minWidth(-1)));
            shown[k] = true;
            total += w[k];
        }
        // least important first; among equals, the rightmost first
        Integer[] byImportance = new Integer[n];
        Arrays.setAll(byImportance, k -> k);
        Arrays.sort(byImportance, Comparator.<Integer>comparingInt(k -> row.get(k).importance()).thenComparing(k -> -k));
        boolean[] collapsed = new boolean[n];
        for (int k : byImportance) {
            if (total <= avail) {
                break;
            }
            double cut = Math.min(total - avail, w[k] - min[k]);
            w[k] -= cut;
            total -= cut;
            if (min[k] == 0 && w[k] < SLIVER) {
                // a sliver would show a lone "…": it goes, with its gap
                total -= w[k] + gap;
                w[k] = 0;
                collapsed[k] = true;
            }
        }
        boolean anyHidden = false;
        double trailingWidth = trailing == null ? 0 : snapSizeX(trailing.prefWidth(-1));
        for (int k : byImportance) {
            if (total <= avail) {
                break;
            }
            if (!row.get(k).hideable()) {
                continue;
            }
            if (!anyHidden && trailing != null) {
                total += trailingWidth + gap;
            }
            anyHidden = true;
            shown[k] = false;
            total -= w[k] + gap;
        }
        grow(row, w, shown, avail - total);
        place(row, w, shown, collapsed, in, height);
        if (trailing != null) {
            trailing.setVisible(anyHidden);
            if (anyHidden) {
                double th = Math.min(height, trailing.prefHeight(-1));
                trailing.resizeRelocate(snapPositionX(in.getLeft() + avail - trailingWidth), snapPositionY(in.getTop() + (height - th) / 2),
                        trailingWidth, th);
            }
        }
        List<Node> nowHidden = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (!shown[k]) {
                nowHidden.add(row.get(k).node());
            }
        }
        if (!nowHidden.equals(hidden)) {
            hidden = List.copyOf(nowHidden);
            onHiddenChanged.accept(hidden);
        }
    }

    /** Shares {@code extra} among the shown items that grow, each up to its maximum width. */
    private static void grow(List<Item> row, double[] w, boolean[] shown, double extra) {
        for (int round = 0; round < 3 && extra > 1; round++) {
            List<Integer> open = new ArrayList<>();
            for (int k = 0; k < row.size(); k++) {
                if (shown[k] && row.get(k).grows() && row.get(k).node().maxWidth(-1) > w[k] + 0.5) {
                    open.add(k);
                }
            }
            if (open.isEmpty()) {
                return;
            }
            double share = Math.floor(extra / open.size());
            for (int k : open) {
                double add = Math.min(share, row.get(k).node().maxWidth(-1) - w[k]);
                w[k] += add;
                extra -= add;
            }
        }
    }

    private void place(List<Item> row, double[] w, boolean[] shown, boolean[] collapsed, Insets in, double height) {
        double x = in.getLeft();
        for (int k = 0; k < row.size(); k++) {
            Item item = row.get(k);
            if (item.hideable()) {
                item.node().setVisible(shown[k]);
            }
            if (!shown[k]) {
                continue;
            }
            Node node = item.node();
            if (collapsed[k]) {
                node.resizeRelocate(snapPositionX(x), in.getTop(), 0, 0);
                continue;
            }
            double h = Math.min(height, Math.max(node.minHeight(w[k]), node.prefHeight(w[k])));
            node.resizeRelocate(snapPositionX(x), snapPositionY(in.getTop() + (height - h) / 2), w[k], h);
            x += w[k] + gap;
        }
    }
}
