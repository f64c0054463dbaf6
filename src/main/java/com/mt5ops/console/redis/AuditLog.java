package com.mt5ops.console.redis;

import com.mt5ops.console.model.AuditEntry;
import com.mt5ops.console.model.KeySchema;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator audit trail of `console:audit`, indexed by instance in memory: read whole once (the stream is
 * capped near 10,000 entries), then on each request extended from the last entry seen and cut where Redis has
 * trimmed the stream. An instance's trail is every entry for it still in the stream, without a scan per request.
 * Blocking; one caller at a time (callers run it off the FX thread).
 */
public final class AuditLog {
    private static final int PAGE = 1000;

    private final RedisClusterCommands<String, String> redis;
    /** Every entry held, oldest first (the stream's order). */
    private final Deque<AuditEntry> all = new ArrayDeque<>();
    /** The same entries by instance id, oldest first. */
    private final Map<String, Deque<AuditEntry>> byInstance = new HashMap<>();

    /** Over any Lettuce connection: a single server's, or a {@link KeyConnection}'s on a Redis Cluster. */
    public AuditLog(RedisClusterCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Every entry for {@code instanceId} still in the stream, newest first. */
    public synchronized List<AuditEntry> forInstance(String instanceId) {
        refresh();
        Deque<AuditEntry> mine = byInstance.get(instanceId);
        if (mine == null) {
            return List.of();
        }
        List<AuditEntry> out = new ArrayList<>(mine.size());
        mine.descendingIterator().forEachRemaining(out::add);
        return out;
    }

    /** How many entries the index holds (for tests and diagnostics). */
    public synchronized int size() {
        return all.size();
    }

    private void refresh() {
        List<StreamMessage<String, String>> first = redis.xrange(KeySchema.AUDIT_STREAM, Range.create("-", "+"), Limit.from(1));
        if (first.isEmpty()) {
            clear();
            return;
        }
        String firstId = first.get(0).getId();
        String lastSeen = all.isEmpty() ? null : all.peekLast().streamId();
        if (lastSeen != null && compare(lastSeen, firstId) >= 0
                && redis.xrange(KeySchema.AUDIT_STREAM, Range.create(lastSeen, lastSeen)).isEmpty()) {
            // The newest entry held is gone though nothing was trimmed past it: the stream was replaced or edited.
            clear();
            lastSeen = null;
        }
        while (!all.isEmpty() && compare(all.peekFirst().streamId(), firstId) < 0) {
            AuditEntry trimmed = all.removeFirst();
            Deque<AuditEntry> mine = byInstance.get(trimmed.instanceId());
            if (mine != null) {
                mine.pollFirst();
                if (mine.isEmpty()) {
                    byInstance.remove(trimmed.instanceId());
                }
            }
        }
        String from = lastSeen == null ? "-" : successor(lastSeen);
        while (true) {
            List<StreamMessage<String, String>> page = redis.xrange(KeySchema.AUDIT_STREAM, Range.create(from, "+"), Limit.from(PAGE));
            for (StreamMessage<String, String> m : page) {
                add(toEntry(m));
            }
            if (page.size() < PAGE) {
                return;
            }
            from = successor(page.get(page.size() - 1).getId());
        }
    }

    private void add(AuditEntry e) {
        all.addLast(e);
        if (!e.instanceId().isEmpty()) { // not about one instance (a broker's name): in no instance's trail
            byInstance.computeIfAbsent(e.instanceId(), k -> new ArrayDeque<>()).addLast(e);
        }
    }

    private void clear() {
        all.clear();
        byInstance.clear();
    }

    static AuditEntry toEntry(StreamMessage<String, String> m) {
        Map<String, String> b = m.getBody();
        return new AuditEntry(m.getId(), String.valueOf(b.get("instance_id")), b.get("from"), b.get("to"), b.get("reason"),
                b.get("restart_count"), b.get("operator"), b.get("redis_user"), b.get("host"), b.get("time"), b.get("action"));
    }

    /** Orders stream ids ("ms-seq", both unsigned 64-bit). */
    static int compare(String a, String b) {
        long[] x = parse(a);
        long[] y = parse(b);
        int c = Long.compareUnsigned(x[0], y[0]);
        return c != 0 ? c : Long.compareUnsigned(x[1], y[1]);
    }

    /** The smallest id after {@code id} (XRANGE's exclusive start, which Redis before 6.2 lacks). */
    static String successor(String id) {
        long[] x = parse(id);
        return x[1] == -1L ? Long.toUnsignedString(x[0] + 1) + "-0" : Long.toUnsignedString(x[0]) + "-" + Long.toUnsignedString(x[1] + 1);
    }

    private static long[] parse(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? new long[] {Long.parseUnsignedLong(id), 0}
                : new long[] {Long.parseUnsignedLong(id.substring(0, dash)), Long.parseUnsignedLong(id.substring(dash + 1))};
    }
}
