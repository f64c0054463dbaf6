package com.mt5ops.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowBoundsTest {
    @Test
    void aLaptopScreenIsFilledAndALargeOneMostlyAlwaysInsideTheVisibleBounds() {
        Rectangle2D laptop = new Rectangle2D(0, 27, 1366, 741); // a 1366x768 screen under a top panel
        assertEquals(laptop, WindowBounds.initial(laptop));
        Rectangle2D small = new Rectangle2D(0, 0, 1024, 600);
        assertEquals(small, WindowBounds.initial(small), "never larger than the screen");
        Rectangle2D large = new Rectangle2D(1920, 0, 2560, 1400); // a second screen to the right
        Rectangle2D at = WindowBounds.initial(large);
        assertTrue(at.getMinX() >= large.getMinX() && at.getMaxX() <= large.getMaxX() && at.getMinY() >= large.getMinY()
                && at.getMaxY() <= large.getMaxY(), at.toString());
        assertEquals(2304, at.getWidth());
        assertEquals(large.getMinX() + (large.getWidth() - at.getWidth()) / 2, at.getMinX(), 1, "centred");
    }
}
