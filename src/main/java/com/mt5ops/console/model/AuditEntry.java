package com.mt5ops.console.model;

/**
 * One operator action recorded in `console:audit` (cli.md "Audit entries"): which instance, from and to what,
 * why, the restart count after a marking, who claims to have done it, the Redis user the server authenticated,
 * from which host, and the server's time. Fields an older entry lacks are null.
 */
public record AuditEntry(String streamId, String instanceId, String from, String to, String reason, String restartCount,
                         String operator, String redisUser, String host, String time, String action) {
}
