package com.mt5ops.console.ui.actions;

import com.mt5ops.console.model.InstanceState;
import java.util.List;
import javafx.scene.input.KeyCode;

/**
 * One key per target state, for the selection: R mark restart, U up (launch, recovered, came back), S stop (stand
 * down, give up), C mark crashed (restart failed). Each respects the transition table. None clashes with the
 * window's other keys (/ search, F problems only, Esc, ? and F1 help, arrows, Enter).
 */
public final class ActionKeys {
    private ActionKeys() {
    }

    /** The target state of a key, or null when the key is not an action key. */
    public static InstanceState target(KeyCode code) {
        return switch (code) {
            case R -> InstanceState.RESTARTING;
            case U -> InstanceState.RUNNING;
            case S -> InstanceState.STOPPED;
            case C -> InstanceState.CRASHED;
            default -> null;
        };
    }

    /** The key that moves the selection to {@code to}, as printed on its buttons. */
    public static String key(InstanceState to) {
        return switch (to) {
            case RESTARTING -> "R";
            case RUNNING -> "U";
            case STOPPED -> "S";
            case CRASHED -> "C";
        };
    }

    /** The help's rows for the action keys: key, then what it does. */
    public static List<String[]> helpRows() {
        return List.of(
                new String[] {"R", "mark restart (running or crashed → restarting, restarts + 1)"},
                new String[] {"U", "up: launch, mark recovered, mark came back (→ running)"},
                new String[] {"S", "stop, stand down, give up (→ stopped)"},
                new String[] {"C", "mark crashed, mark restart failed (→ crashed)"});
    }
}
