package com.mt5ops.console.ui.settings;

/** How the fleet is shown: the grid of cards or the compact table. */
public enum ViewMode {
    GRID, TABLE
}
