package com.mt5ops.console.model;

/** Field names of the three hashes, exactly as the Instance State Layer defines them. */
public final class Fields {
    public static final String BROKER_ID = "broker_id";
    public static final String STATE = "state";
    public static final String LAUNCH_MODE = "launch_mode";
    public static final String ACTIVE_CONNECTIONS = "active_connections";
    public static final String LAST_UPDATED_AT = "last_updated_at";
    public static final String CPU_USAGE = "cpu_usage";
    public static final String MEMORY_USAGE = "memory_usage";
    public static final String NETWORK_USAGE = "network_usage";
    public static final String DISK_USAGE = "disk_usage";
    public static final String UPTIME_SECONDS = "uptime_seconds";
    public static final String RESTART_COUNT = "restart_count";
    public static final String HEALTH_STATUS = "health_status";
    public static final String LAST_ERROR = "last_error";

    private Fields() {
    }
}
