package com.mt5ops.console.sync;

/** How the mirror is connected to Redis; anything but LIVE means what is shown may be behind. */
public enum ConnectionState {
    CONNECTING, LIVE, POLLING, RECONNECTING, DISCONNECTED;

    /** True when changes reach the mirror as they happen (events) or within a poll interval. */
    public boolean isCurrent() {
        return this == LIVE || this == POLLING;
    }
}
