package com.mt5ops.console.model;

/** How recent an instance's newest trusted `last_updated_at` is; STALE and LOST must never be drawn as live. */
public enum Freshness {
    FRESH, AGING, STALE, LOST;

    /** Recent enough to be drawn as live (FRESH or AGING); STALE and LOST must look old. */
    public boolean looksLive() {
        return this == FRESH || this == AGING;
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
