package com.mt5ops.console.sync;

/** How the mirror is connected to Redis; anything but LIVE means what is shown may be behind. */
public enum ConnectionState {
    CONNECTING, LIVE, POLLING,
    /** Connected, but the server does not answer (frozen, overloaded, paused). */
    STALLED,
    RECONNECTING, DISCONNECTED,
    /** The mirror itself broke; it restarts on its own with backoff. */
    FAILED;

    /** True when changes reach the mirror as they happen (events) or within a poll interval. */
    public boolean isCurrent() {
        return this == LIVE || this == POLLING;
    }
}
