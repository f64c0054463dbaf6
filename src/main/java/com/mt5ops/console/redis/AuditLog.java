package com.mt5ops.console.redis;

import com.mt5ops.console.model.AuditEntry;
import com.mt5ops.console.model.KeySchema;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Reads the operator audit trail from the `console:audit` stream, newest first. */
public final class AuditLog {
    private final RedisAsyncCommands<String, String> redis;

    public AuditLog(RedisAsyncCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Entries for one instance among the newest {@code window} entries of the stream. */
    public CompletableFuture<List<AuditEntry>> forInstance(String instanceId, int window) {
        return recent(window).thenApply(all -> all.stream().filter(e -> instanceId.equals(e.instanceId())).toList());
    }

    public CompletableFuture<List<AuditEntry>> recent(int count) {
        return redis.xrevrange(KeySchema.AUDIT_STREAM, Range.create("-", "+"), Limit.from(count))
                .toCompletableFuture()
                .thenApply(messages -> messages.stream().map(AuditLog::toEntry).toList());
    }

    private static AuditEntry toEntry(StreamMessage<String, String> m) {
        Map<String, String> b = m.getBody();
        return new AuditEntry(m.getId(), b.get("instance_id"), b.get("operator"), b.get("host"), b.get("from"),
                b.get("to"), b.get("reason"), b.get("time"));
    }
}
