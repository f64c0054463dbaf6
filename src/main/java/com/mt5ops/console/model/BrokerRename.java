package com.mt5ops.console.model;

import java.util.Objects;

/**
 * One change of a broker's shared name an operator asks for: {@code expected} is the name as the operator saw it
 * (compare-and-set; {@link ExpectedState#MISSING} for none), {@code name} the new one, empty to remove it.
 */
public record BrokerRename(String brokerId, ExpectedState expected, String name, String operator, String host, String reason) {
    public BrokerRename {
        Objects.requireNonNull(brokerId, "brokerId");
        Objects.requireNonNull(expected, "expected");
        name = name == null ? "" : name;
    }
}
