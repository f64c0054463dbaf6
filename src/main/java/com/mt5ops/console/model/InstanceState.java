package com.mt5ops.console.model;

import java.util.Optional;

/** The lifecycle states the console knows. Unknown raw values stay visible through the raw hash and a problem. */
public enum InstanceState {
    RUNNING("running"), STOPPED("stopped"), CRASHED("crashed"), RESTARTING("restarting");

    private final String wire;

    InstanceState(String wire) {
        this.wire = wire;
    }

    /** The exact text stored in Redis. */
    public String wire() {
        return wire;
    }

    public static Optional<InstanceState> fromWire(String raw) {
        for (InstanceState s : values()) {
            if (s.wire.equals(raw)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
