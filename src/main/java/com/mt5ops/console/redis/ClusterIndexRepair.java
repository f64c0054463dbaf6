package com.mt5ops.console.redis;

import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The index repair where one script cannot take an instance hash and the state sets together (Redis Cluster: they
 * live in different slots): per id, read the hash's state, then SREM the id from every other set and SADD it to its
 * state's set, each a single-key command; read the state again and redo an id whose state moved meanwhile (up to
 * three rounds). Touches nothing but the sets, and does what {@code repair-index.lua} does: a set of an unknown state
 * keeps the ids whose hash names it, a key that is no set (any more) is left alone.
 */
final class ClusterIndexRepair {
    private static final int ROUNDS = 3;

    private final RedisClusterAsyncCommands<String, String> redis;

    ClusterIndexRepair(RedisClusterAsyncCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Files every id under its hash's state among {@code setKeys}; returns the memberships changed. */
    int run(Collection<String> ids, Collection<String> setKeys) {
        int changed = 0;
        List<String> todo = new ArrayList<>(ids);
        for (int round = 1; round <= ROUNDS && !todo.isEmpty(); round++) {
            Map<String, String> states = states(todo);
            List<CompletableFuture<Long>> writes = new ArrayList<>();
            for (String id : todo) {
                String state = states.get(id);
                String own = state == null ? null : KeySchema.stateSetKey(state);
                String target = InstanceState.fromWire(state).map(s -> KeySchema.stateSetKey(s.wire())).orElse(null);
                for (String set : setKeys) {
                    if (!set.equals(own)) {
                        writes.add(skipWrongType(redis.srem(set, id).toCompletableFuture()));
                    } else if (set.equals(target)) {
                        writes.add(skipWrongType(redis.sadd(set, id).toCompletableFuture()));
                    }
                }
            }
            for (CompletableFuture<Long> w : writes) {
                changed += w.join().intValue();
            }
            Map<String, String> after = states(todo);
            List<String> moved = new ArrayList<>();
            for (String id : todo) {
                if (!Objects.equals(states.get(id), after.get(id))) {
                    moved.add(id); // another writer changed it meanwhile: file it again under its new state
                }
            }
            todo = moved;
        }
        return changed;
    }

    /** Each id's state field; absent (null) when the field or the hash is missing, or the key is no hash. */
    private Map<String, String> states(List<String> ids) {
        Map<String, CompletableFuture<String>> asked = new HashMap<>();
        for (String id : ids) {
            asked.put(id, redis.hget(KeySchema.instanceKey(id), "state").toCompletableFuture()
                    .exceptionallyCompose(failure -> wrongType(failure) ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(failure)));
        }
        Map<String, String> out = new HashMap<>();
        asked.forEach((id, f) -> out.put(id, f.join()));
        return out;
    }

    /** A key that became something else than a set since the fleet was read: left alone, as the script leaves it. */
    private static CompletableFuture<Long> skipWrongType(CompletableFuture<Long> write) {
        return write.exceptionallyCompose(failure -> wrongType(failure) ? CompletableFuture.completedFuture(0L) : CompletableFuture.failedFuture(failure));
    }

    private static boolean wrongType(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof RedisCommandExecutionException && String.valueOf(cause.getMessage()).startsWith("WRONGTYPE");
    }
}
