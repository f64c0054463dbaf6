package com.mt5ops.console.model;

/** One operator action recorded in `console:audit`: who, from where, what changed, why and when. */
public record AuditEntry(String streamId, String instanceId, String operator, String host, String from, String to,
                         String reason, String time) {
}
