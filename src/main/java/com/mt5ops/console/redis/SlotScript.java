package com.mt5ops.console.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A script resource run over any Lettuce command interface, a cluster connection's included: EVALSHA, routed by
 * its first key's slot, and the full text only when that node answers NOSCRIPT (each cluster node has its own
 * script cache). All of a call's keys must share one slot.
 */
final class SlotScript {
    private final String source;
    private volatile String sha;

    /** The resources joined into one script, in order (shared functions first). */
    SlotScript(String... resourceNames) {
        this.source = new LuaScript(resourceNames).source();
    }

    <T> CompletableFuture<T> run(RedisClusterAsyncCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
        try {
            String digest = sha;
            if (digest == null) {
                digest = redis.digest(source);
                sha = digest;
            }
            return redis.<T>evalsha(digest, type, keys, args).toCompletableFuture().handle((value, failure) -> {
                if (failure == null) {
                    return CompletableFuture.completedFuture(value);
                }
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                if (cause instanceof RedisNoScriptException || String.valueOf(cause.getMessage()).startsWith("NOSCRIPT")) {
                    return redis.<T>eval(source, type, keys, args).toCompletableFuture();
                }
                return CompletableFuture.<T>failedFuture(cause);
            }).thenCompose(f -> f);
        } catch (RuntimeException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
    }
}
