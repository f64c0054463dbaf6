package com.mt5ops.console.sync;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Master by master, how one cluster generation of the mirror stands, pure (times handed in, epoch ms): subscribed,
 * connection up, PING answered in time. A master is LIVE when all three hold; the slots of the others are down.
 * Lettuce's threads report, the worker asks; every method is synchronized.
 */
final class ClusterHealth {
    private final ClusterTopology topology;
    private final long stallAfter;
    private final InstanceSlots ids;
    private final Set<String> subscribed = new HashSet<>();
    private final Set<String> linkDown = new HashSet<>();
    private final Map<String, Long> pingOut = new HashMap<>();
    private final Map<String, String> pingFailed = new HashMap<>();
    private boolean allSubscribed;
    /** The masters down as last told to the machine (null: nothing told yet). */
    private Set<String> told;
    private Set<String> downOfSlots = Set.of();
    private DownSlots downSlots = DownSlots.NONE;

    ClusterHealth(ClusterTopology topology, long stallAfterMs, InstanceSlots ids) {
        this.topology = topology;
        this.stallAfter = stallAfterMs;
        this.ids = ids;
    }

    /** The master confirmed the subscription (first, or again after Lettuce reconnected it); true the first time all have. */
    synchronized boolean subscribed(String id) {
        subscribed.add(id);
        linkDown.remove(id);
        if (allSubscribed || topology.masters().stream().anyMatch(m -> !subscribed.contains(m.id()))) {
            return false;
        }
        allSubscribed = true;
        told = Set.of();
        return true;
    }

    /** The master's pub/sub connection dropped: nothing is heard from it until it is subscribed again. */
    synchronized void linkLost(String id) {
        linkDown.add(id);
    }

    /** True when a PING may go to the master now (none is out); it then counts as sent at {@code now}. */
    synchronized boolean ping(String id, long now) {
        if (pingOut.containsKey(id)) {
            return false;
        }
        pingOut.put(id, now);
        return true;
    }

    synchronized void answered(String id) {
        pingOut.remove(id);
        pingFailed.remove(id);
    }

    synchronized void pingFailed(String id, String why) {
        pingOut.remove(id);
        pingFailed.put(id, why);
    }

    /** Why {@code m} is not LIVE at {@code now}, or null when it is. */
    private String problem(ClusterTopology.Master m, long now) {
        Long out = pingOut.get(m.id());
        if (!subscribed.contains(m.id())) {
            return "not subscribed yet";
        } else if (linkDown.contains(m.id())) {
            return "RECONNECTING (connection lost)";
        } else if (out != null && now - out >= stallAfter) {
            return String.format(Locale.ROOT, "STALLED (no reply to PING for %.1f s)", (now - out) / 1000.0);
        }
        String failed = pingFailed.get(m.id());
        return failed == null ? null : "PING failed: " + failed;
    }

    /** The view at {@code now}; its {@link DownSlots} is the same object as long as the same masters are down. */
    synchronized ClusterView view(long now) {
        Set<String> down = new LinkedHashSet<>();
        StringBuilder detail = new StringBuilder();
        for (ClusterTopology.Master m : topology.masters()) {
            String problem = problem(m, now);
            if (problem != null) {
                down.add(m.id());
                detail.append(detail.length() == 0 ? "" : "; ").append(m.address()).append(' ').append(problem);
            }
        }
        if (!down.equals(downOfSlots)) {
            BitSet slots = new BitSet();
            topology.masters().stream().filter(m -> down.contains(m.id())).forEach(m -> slots.or(m.slots()));
            downOfSlots = Set.copyOf(down);
            downSlots = slots.isEmpty() ? DownSlots.NONE : new DownSlots(slots, ids);
        }
        List<String> masters = topology.addresses();
        return new ClusterView(masters.size() - down.size(), masters.size(), downSlots, detail.toString(), masters);
    }

    /**
     * News for the machine: the masters down now, when that set changed since last told; null when nothing changed,
     * or before every master was subscribed once (the subscription itself is the news then).
     */
    synchronized MirrorEvent.MastersDown change(long now) {
        if (told == null) {
            return null;
        }
        ClusterView v = view(now);
        if (downOfSlots.equals(told)) {
            return null;
        }
        told = downOfSlots;
        return new MirrorEvent.MastersDown(v.total() - v.live(), v.detail());
    }
}
