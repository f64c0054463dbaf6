package com.mt5ops.console.model;

import java.util.Optional;

/** How an instance is launched: by the instance manager (auto) or by an operator (manual). */
public enum LaunchMode {
    AUTO("auto"), MANUAL("manual");

    private final String wire;

    LaunchMode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<LaunchMode> fromWire(String raw) {
        for (LaunchMode m : values()) {
            if (m.wire.equals(raw)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
