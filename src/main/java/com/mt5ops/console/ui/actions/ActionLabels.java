package com.mt5ops.console.ui.actions;

import com.mt5ops.console.model.InstanceState;

/** Button words for each transition an operator may issue. */
public final class ActionLabels {
    private ActionLabels() {
    }

    /** The button's words with its key, e.g. "Mark recovered (U)". */
    public static String button(InstanceState from, InstanceState to) {
        return name(from, to) + " (" + ActionKeys.key(to) + ")";
    }

    /** The words alone, e.g. "Mark recovered". */
    public static String name(InstanceState from, InstanceState to) {
        return switch (to) {
            case RESTARTING -> "Mark restart";
            case RUNNING -> from == InstanceState.STOPPED ? "Launch" : from == InstanceState.CRASHED ? "Mark recovered" : "Mark came back";
            case STOPPED -> from == InstanceState.RUNNING ? "Stop" : from == InstanceState.CRASHED ? "Stand down" : "Give up";
            case CRASHED -> from == InstanceState.RUNNING ? "Mark crashed" : "Mark restart failed";
        };
    }

    public static String verb(InstanceState to) {
        return switch (to) {
            case RESTARTING -> "mark a restart";
            case RUNNING -> "mark running";
            case STOPPED -> "stop";
            case CRASHED -> "mark crashed";
        };
    }

    /** What was done, for a bulk result ("3 marked a restart"). */
    public static String done(InstanceState to) {
        return switch (to) {
            case RESTARTING -> "marked a restart";
            case RUNNING -> "marked running";
            case STOPPED -> "stopped";
            case CRASHED -> "marked crashed";
        };
    }
}
