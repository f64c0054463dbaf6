package com.mt5ops.console.sync;

/** What {@link MirrorMachine} asks its I/O shell to do. */
enum MirrorAction {
    /** Open the connections and subscribe; answer Connected or ConnectFailed. */
    CONNECT,
    /** Close the connections (the mirror broke; it connects again later). */
    DISCONNECT,
    /** Read notify-keyspace-events (adding the missing flags where allowed); answer NotificationsOn / Off. */
    CHECK_NOTIFICATIONS,
    /** Write and delete a probe key whose events prove that notifications flow. */
    SEND_PROBE,
    /** Read the whole fleet (resync, poll or reconciliation); answer ReadDone or ReadFailed. */
    READ_ALL,
    /** Send the heartbeat PING without waiting; answer PingAnswered or PingFailed. */
    PING,
    /** Publish the mirror's state (it changed, or a second passed). */
    PUBLISH
}
