package com.mt5ops.console.ui.grid;

import java.util.List;

/** The card that opens one broker's row of cards when the grid is grouped by broker; {@code broker} null = none. */
record GroupHeader(String broker, List<String> ids) {
    GroupHeader {
        ids = List.copyOf(ids);
    }

    /** What the header says of its broker ("no broker" when the instances have none). */
    String title() {
        return broker == null ? "no broker" : broker;
    }
}
