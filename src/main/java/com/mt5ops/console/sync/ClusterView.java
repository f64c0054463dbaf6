package com.mt5ops.console.sync;

import java.util.List;

/**
 * How a mirror on a Redis Cluster stands, master by master: how many of the masters serving slots are LIVE
 * (subscribed, connected, answering its PING), the slots of those that are not, what is wrong with them
 * ("127.0.0.1:7002 STALLED (no reply to PING for 2.3 s)"), and the masters' addresses. {@link #NONE} off a cluster.
 */
public record ClusterView(int live, int total, DownSlots down, String detail, List<String> masters) {
    public static final ClusterView NONE = new ClusterView(0, 0, DownSlots.NONE, "", List.of());

    public ClusterView {
        masters = List.copyOf(masters);
    }

    /** True on a Redis Cluster. */
    public boolean isCluster() {
        return total > 0;
    }

    /** True on a Redis Cluster with a master that is not LIVE: the instances with a key there may be behind. */
    public boolean partial() {
        return live < total;
    }

    /** "3/3": masters LIVE of all. */
    public String ratio() {
        return live + "/" + total;
    }
}
