package com.mt5ops.console.ui.actions;

import com.mt5ops.console.model.InstanceState;

/** Button words for each transition an operator may issue. */
public final class ActionLabels {
    private ActionLabels() {
    }

    public static String button(InstanceState from, InstanceState to) {
        return switch (to) {
            case RESTARTING -> "Mark restart (R)";
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
}
