package com.mt5ops.console.ui.fleet;

import com.mt5ops.console.sync.ConnectionState;
import com.mt5ops.console.sync.MirrorStats;
import com.mt5ops.console.ui.fx.Format;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableObjectValue;

/**
 * Whether what the window shows is current (the mirror LIVE or POLLING), and in words why not. Actions rest on it: a
 * change issued while the console cannot see Redis could not be confirmed, so the action buttons wait for it.
 */
public final class ConnectionGate {
    private final BooleanBinding current;
    private final StringBinding reason;

    ConnectionGate(ObservableObjectValue<MirrorStats> stats) {
        current = Bindings.createBooleanBinding(() -> stats.get() != null && stats.get().state().isCurrent(), stats);
        reason = Bindings.createStringBinding(() -> reason(stats.get()), stats);
    }

    private static String reason(MirrorStats s) {
        if (s == null || s.state() == ConnectionState.CONNECTING) {
            return "Actions wait for the connection: the console is still connecting to Redis.";
        }
        if (s.state().isCurrent()) {
            return "";
        }
        String since = s.disconnectedSince() == null ? "" : " since " + Format.clock(s.disconnectedSince());
        return "Actions are off while the connection is " + s.state() + since
                + ": the console could not see what a change does. They come back when it is LIVE again.";
    }

    /** True while LIVE or POLLING. */
    public BooleanBinding current() {
        return current;
    }

    /** Why actions are off now; empty while the connection is current. */
    public StringBinding reason() {
        return reason;
    }
}
