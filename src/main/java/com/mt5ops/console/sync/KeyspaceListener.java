package com.mt5ops.console.sync;

import com.mt5ops.console.model.HashPart;
import com.mt5ops.console.model.KeySchema;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives keyspace notifications on Netty's event loop and only marks the key's id (or state set) dirty:
 * events are hints, the worker reads the truth. Blocking here would get the subscriber dropped by Redis.
 */
final class KeyspaceListener extends RedisPubSubAdapter<String, String> {
    private final String prefix;
    private final String probePrefix;
    private final DirtyQueue dirty;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong heard = new AtomicLong();

    KeyspaceListener(int db, DirtyQueue dirty) {
        this.prefix = "__keyspace@" + db + "__:";
        this.probePrefix = prefix + MirrorConnection.PROBE_PREFIX;
        this.dirty = dirty;
    }

    String pattern() {
        return prefix + KeySchema.SCAN_PATTERN;
    }

    String probePattern() {
        return probePrefix + "*";
    }

    @Override
    public void message(String pattern, String channel, String message) {
        heard.incrementAndGet();
        if (channel.startsWith(probePrefix)) {
            dirty.wake(); // the evidence the worker waits for
            return;
        }
        if (!channel.startsWith(prefix)) {
            return;
        }
        events.incrementAndGet();
        KeySchema.parse(channel.substring(prefix.length())).ifPresent(key -> {
            if (key.kind() == KeySchema.Kind.STATE_SET) {
                dirty.markSet(key.name());
            } else {
                dirty.markId(key.name(), HashPart.of(key.kind()).orElse(null));
            }
        });
    }

    /** Keyspace events of the fleet counted so far (probes not included). */
    long events() {
        return events.get();
    }

    /** Every message heard so far, probes included: evidence that notifications flow. */
    long heard() {
        return heard.get();
    }
}
