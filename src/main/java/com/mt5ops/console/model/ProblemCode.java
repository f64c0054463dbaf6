package com.mt5ops.console.model;

/**
 * The integrity problem codes of the command-line contract (cli.md), shared by snapshots, `check` and the UI.
 * TRANSITION_PENDING (an extension) is a transition on a Redis Cluster whose state changed but whose follow-up
 * steps (index, restart count, audit entry) are not all known to be done.
 */
public enum ProblemCode {
    FIELD_MISSING, FIELD_INVALID, CLOCK_SKEW, ID_NOT_UUID, KEY_WRONG_TYPE, PART_MISSING, ORPHAN,
    INDEX_MISSING, INDEX_EXTRA, INDEX_DANGLING, NOTIFICATIONS_OFF, TRANSITION_PENDING
}
