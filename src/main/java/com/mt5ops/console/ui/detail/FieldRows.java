package com.mt5ops.console.ui.detail;

import com.mt5ops.console.model.Fields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Which fields of a hash the detail shows: all of a small hash in name order; of a large one the fields the console
 * reads plus the first others by name, {@link #MAX} in all, found in one pass without sorting the whole hash.
 */
final class FieldRows {
    /** The most rows one hash gets. */
    static final int MAX = 200;
    private static final Set<String> KNOWN = Set.of(Fields.BROKER_ID, Fields.STATE, Fields.LAUNCH_MODE, Fields.ACTIVE_CONNECTIONS,
            Fields.LAST_UPDATED_AT, Fields.CPU_USAGE, Fields.MEMORY_USAGE, Fields.NETWORK_USAGE, Fields.DISK_USAGE,
            Fields.UPTIME_SECONDS, Fields.RESTART_COUNT, Fields.HEALTH_STATUS, Fields.LAST_ERROR);

    private FieldRows() {
    }

    /** The names to show, in name order. */
    static List<String> shown(Map<String, String> hash) {
        if (hash.size() <= MAX) {
            List<String> all = new ArrayList<>(hash.keySet());
            Collections.sort(all);
            return all;
        }
        List<String> out = new ArrayList<>(MAX);
        for (String known : KNOWN) {
            if (hash.containsKey(known)) {
                out.add(known);
            }
        }
        int room = MAX - out.size();
        // the `room` smallest other names: a max-heap of that size, its head the largest kept so far
        PriorityQueue<String> first = new PriorityQueue<>(room + 1, Collections.reverseOrder());
        for (String name : hash.keySet()) {
            if (KNOWN.contains(name)) {
                continue;
            }
            if (first.size() < room) {
                first.add(name);
            } else if (room > 0 && name.compareTo(first.peek()) < 0) {
                first.poll();
                first.add(name);
            }
        }
        out.addAll(first);
        Collections.sort(out);
        return out;
    }
}
