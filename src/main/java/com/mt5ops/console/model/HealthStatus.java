package com.mt5ops.console.model;

import java.util.Optional;

/** Health reported by the monitoring side, ordered from best to worst. */
public enum HealthStatus {
    HEALTHY("healthy"), WARNING("warning"), CRITICAL("critical");

    private final String wire;

    HealthStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<HealthStatus> fromWire(String raw) {
        for (HealthStatus h : values()) {
            if (h.wire.equals(raw)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
