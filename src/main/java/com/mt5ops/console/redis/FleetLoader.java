package com.mt5ops.console.redis;

import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.KeySchema.ParsedKey;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the fleet: SCAN (never KEYS) for `instance*`, then pipelined HGETALL / SMEMBERS while the scan goes on,
 * with TYPE only for keys that answered WRONGTYPE. Owns its connection (auto-flush off): one thread at a time.
 */
public final class FleetLoader implements AutoCloseable {
    private static final long TIMEOUT_MS = Duration.ofSeconds(20).toMillis();
    private static final int SCAN_COUNT = 5_000;

    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> async;
    private final String target;

    private record Pending(String key, ParsedKey parsed, RedisFuture<?> reply) {
    }

    public FleetLoader(RedisConnector connector) {
        this.connection = connector.connect();
        this.connection.setAutoFlushCommands(false);
        this.async = connection.async();
        this.target = connector.endpoint().display();
    }

    /** Everything under `instance*`. */
    public Fleet loadAll() {
        FleetAssembler assembler = new FleetAssembler();
        List<Pending> pending = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        ScanArgs args = ScanArgs.Builder.matches(KeySchema.SCAN_PATTERN).limit(SCAN_COUNT);
        do {
            RedisFuture<KeyScanCursor<String>> page = async.scan(cursor, args);
            connection.flushCommands();
            KeyScanCursor<String> keys = await(page);
            for (String key : keys.getKeys()) {
                if (seen.add(key)) {
                    KeySchema.parse(key).ifPresent(parsed -> pending.add(request(key, parsed)));
                }
            }
            cursor = keys;
        } while (!cursor.isFinished());
        collect(pending, assembler);
        return assembler.build(null);
    }

    /** The three hashes of each id; set membership comes from {@code knownSets}, kept by the caller. */
    public Fleet loadIds(Collection<String> ids, Map<String, Set<String>> knownSets) {
        FleetAssembler assembler = new FleetAssembler();
        List<Pending> pending = new ArrayList<>(ids.size() * 3);
        for (String id : ids) {
            assembler.touch(id);
            for (String key : List.of(KeySchema.instanceKey(id), KeySchema.metricsKey(id), KeySchema.healthKey(id))) {
                pending.add(request(key, KeySchema.parse(key).orElseThrow()));
            }
        }
        collect(pending, assembler);
        return assembler.build(knownSets);
    }

    /** SMEMBERS of the named state sets (absent or wrongly typed sets read as empty). */
    public Map<String, Set<String>> loadSets(Collection<String> states) {
        FleetAssembler assembler = new FleetAssembler();
        List<Pending> pending = new ArrayList<>();
        for (String state : states) {
            String key = KeySchema.stateSetKey(state);
            pending.add(request(key, KeySchema.parse(key).orElseThrow()));
        }
        collect(pending, assembler);
        Map<String, Set<String>> out = new java.util.HashMap<>(assembler.build(null).stateSets());
        states.forEach(s -> out.putIfAbsent(s, Set.of()));
        return out;
    }

    private Pending request(String key, ParsedKey parsed) {
        RedisFuture<?> reply = parsed.kind() == KeySchema.Kind.STATE_SET ? async.smembers(key) : async.hgetall(key);
        return new Pending(key, parsed, reply);
    }

    @SuppressWarnings("unchecked")
    private void collect(List<Pending> pending, FleetAssembler assembler) {
        connection.flushCommands();
        List<Pending> wrongType = new ArrayList<>();
        for (Pending p : pending) {
            try {
                Object value = p.reply().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                if (p.parsed().kind() == KeySchema.Kind.STATE_SET) {
                    assembler.set(p.parsed().name(), (Set<String>) value);
                } else {
                    assembler.hash(p.parsed(), (Map<String, String>) value);
                }
            } catch (ExecutionException e) {
                if (String.valueOf(e.getCause().getMessage()).startsWith("WRONGTYPE")) {
                    wrongType.add(new Pending(p.key(), p.parsed(), async.type(p.key())));
                } else {
                    throw RedisAccessException.from(target, e.getCause());
                }
            } catch (TimeoutException | InterruptedException e) {
                throw interruptedOrTimeout(e);
            }
        }
        connection.flushCommands();
        for (Pending p : wrongType) {
            assembler.wrongType(p.key(), p.parsed(), String.valueOf(await(p.reply())));
        }
    }

    private <T> T await(RedisFuture<T> future) {
        try {
            return future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw RedisAccessException.from(target, e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            throw interruptedOrTimeout(e);
        }
    }

    private RedisAccessException interruptedOrTimeout(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new RedisAccessException(RedisAccessException.Reason.UNREACHABLE, "no answer from " + target + " in time", e);
    }

    @Override
    public void close() {
        connection.close();
    }
}
