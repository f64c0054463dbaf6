package com.mt5ops.console.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

class PriorityRowTest {
    private static Region box(double min, double pref, double max) {
        Region r = new Region();
        r.setMinSize(min, 20);
        r.setPrefSize(pref, 20);
        r.setMaxSize(max, 20);
        return r;
    }

    private static void layOut(PriorityRow row, double width) {
        row.resize(width, 30);
        row.layout();
    }

    @Test
    void theLeastImportantShrinkThenLeaveForTheTrailingNodeAndSpareWidthGoesToTheGrowers() {
        Region search = box(100, 200, 400);
        Region a = box(100, 100, 100);
        Region b = box(100, 100, 100);
        Region c = box(100, 100, 100);
        Region more = box(30, 30, 30);
        PriorityRow row = new PriorityRow(10);
        row.add(search, 100, false, true).add(a, 50, true, false).add(b, 40, true, false).add(c, 60, true, false);
        row.setTrailing(more);
        List<List<Node>> told = new ArrayList<>();
        row.setOnHiddenChanged(told::add);

        layOut(row, 600); // 200 + 3 x 100 + 3 gaps = 530: all in, 70 to spare for the search
        assertEquals(List.of(), row.hidden());
        assertFalse(more.isVisible());
        assertEquals(270, search.getWidth());
        assertEquals(search.getWidth() + 10, a.getLayoutX());

        layOut(row, 420); // the search down to its minimum first, then b (least important) leaves for "more"
        assertEquals(List.of(b), row.hidden());
        assertFalse(b.isVisible());
        assertTrue(more.isVisible() && a.isVisible() && c.isVisible());
        assertEquals(420 - 30, more.getLayoutX(), "the overflow at the right end");
        assertTrue(c.getLayoutX() + c.getWidth() <= more.getLayoutX());

        layOut(row, 260); // the search and c still fit beside "more"
        assertEquals(List.of(a, b), row.hidden());
        layOut(row, 240);
        assertEquals(List.of(a, b, c), row.hidden());
        assertEquals(List.of(List.of(b), List.of(a, b), List.of(a, b, c)), told, "told on changes only");
        assertTrue(row.minWidth(-1) <= 100 + 10 + 30 + 1, "it can be made narrower than its content: " + row.minWidth(-1));
    }

    @Test
    void pinnedItemsKeepTheirWidthWhileTheOthersEllipsizeOrGoLeastImportantFirst() {
        Region state = box(90, 90, 90);
        Region message = box(0, 300, 300);
        Region totals = box(0, 200, 200);
        Region tag = box(50, 50, 50);
        PriorityRow row = new PriorityRow(10);
        row.add(state, 100, false, false).add(message, 10, false, false).add(totals, 50, false, false).add(tag, 100, false, false);
        layOut(row, 500); // 670 wanted: the message gives first
        assertEquals(130, message.getWidth());
        assertEquals(200, totals.getWidth());
        layOut(row, 300); // then the counts; a sliver of a message is no use: it goes, with its gap
        assertEquals(90, state.getWidth());
        assertEquals(50, tag.getWidth());
        assertEquals(0, message.getWidth());
        assertEquals(140, totals.getWidth(), 0.5);
        assertEquals(100, totals.getLayoutX(), 0.5);
        assertEquals(250, tag.getLayoutX(), 0.5);
    }
}
