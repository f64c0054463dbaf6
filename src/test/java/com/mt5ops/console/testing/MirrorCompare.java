package com.mt5ops.console.testing;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.RawInstance;
import com.mt5ops.console.redis.Fleet;
import com.mt5ops.console.redis.FleetLoader;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.sync.FleetMirror;
import java.util.Map;
import java.util.SortedMap;

/** Compares the mirror with what Redis holds right now: every raw hash and every index membership. */
public final class MirrorCompare {
    private MirrorCompare() {
    }

    /** Null when equal, else a description of the first differences. */
    public static String difference(FleetMirror mirror, String uri) {
        Fleet truth;
        try (RedisConnector c = new RedisConnector(RedisEndpoint.parse(uri)); FleetLoader loader = new FleetLoader(c)) {
            truth = loader.loadAll();
        } catch (RuntimeException e) {
            return "cannot read Redis: " + e.getMessage();
        }
        SortedMap<String, Instance> seen = mirror.instances();
        StringBuilder diff = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, RawInstance> e : truth.instances().entrySet()) {
            Instance m = seen.get(e.getKey());
            if (m == null || !m.raw().equals(e.getValue())) {
                if (shown++ < 3) {
                    diff.append("\n  ").append(e.getKey()).append(": redis=").append(e.getValue()).append(" mirror=").append(m == null ? null : m.raw());
                }
            }
        }
        for (String id : seen.keySet()) {
            if (!truth.instances().containsKey(id) && shown++ < 6) {
                diff.append("\n  ").append(id).append(" is in the mirror but not in Redis");
            }
        }
        return shown == 0 ? null : (shown + " differences (redis " + truth.instances().size() + ", mirror " + seen.size() + ")" + diff);
    }
}
