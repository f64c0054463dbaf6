package com.mt5ops.console.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The state transitions the console may issue (architecture.md), each with the name operators know it by. */
public final class TransitionTable {
    private final Map<InstanceState, Map<InstanceState, String>> names = new EnumMap<>(InstanceState.class);

    public TransitionTable() {
        allow(InstanceState.STOPPED, InstanceState.RUNNING, "launched");
        allow(InstanceState.RUNNING, InstanceState.STOPPED, "shut down");
        allow(InstanceState.RUNNING, InstanceState.CRASHED, "crash");
        allow(InstanceState.RUNNING, InstanceState.RESTARTING, "restart marked");
        allow(InstanceState.CRASHED, InstanceState.RUNNING, "recovered");
        allow(InstanceState.CRASHED, InstanceState.STOPPED, "stood down");
        allow(InstanceState.CRASHED, InstanceState.RESTARTING, "restart marked");
        allow(InstanceState.RESTARTING, InstanceState.RUNNING, "came back");
        allow(InstanceState.RESTARTING, InstanceState.STOPPED, "gave up");
        allow(InstanceState.RESTARTING, InstanceState.CRASHED, "restart failed");
    }

    private void allow(InstanceState from, InstanceState to, String name) {
        names.computeIfAbsent(from, f -> new EnumMap<>(InstanceState.class)).put(to, name);
    }

    public boolean isAllowed(InstanceState from, InstanceState to) {
        return name(from, to).isPresent();
    }

    public Optional<String> name(InstanceState from, InstanceState to) {
        return Optional.ofNullable(names.getOrDefault(from, Map.of()).get(to));
    }

    /** The states reachable from {@code from}, in declaration order; empty for null. */
    public List<InstanceState> targets(InstanceState from) {
        return from == null ? List.of() : List.copyOf(names.getOrDefault(from, Map.of()).keySet());
    }

    /** Allowed pairs as " from>to " tokens, handed to the transition script so Java and Lua share one table. */
    public String encoded() {
        StringBuilder sb = new StringBuilder(" ");
        names.forEach((from, tos) -> tos.keySet().forEach(to -> sb.append(from.wire()).append('>').append(to.wire()).append(' ')));
        return sb.toString();
    }
}
