package com.mt5ops.console.model;

/** How recent an instance's newest `last_updated_at` is; anything but FRESH must not be drawn as live. */
public enum Freshness {
    FRESH, AGING, STALE, LOST;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
