package com.mt5ops.console.sync;

/**
 * What {@link MirrorMachine} knows at one moment: the state and why, what LIVE rests on (empty otherwise), since when
 * the data may be behind and when the last full read was taken (epoch ms; null: not), the event rate and the counters.
 */
record MachineStatus(ConnectionState state, String reason, String basis, Long disconnectedSince, Long lastFullSync,
                     long events, double eventsPerSecond, long resyncs, long reconnects) {
}
