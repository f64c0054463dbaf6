package com.mt5ops.console.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A Lua script shipped as a resource, run with EVALSHA and sent in full only when Redis answers NOSCRIPT. */
public final class LuaScript {
    private final String source;
    private final String sha;

    /** The resources joined into one script, in order (shared functions first). */
    public LuaScript(String... resourceNames) {
        StringBuilder text = new StringBuilder();
        for (String name : resourceNames) {
            text.append(read(name)).append('\n');
        }
        this.source = resourceNames.length == 1 ? text.substring(0, text.length() - 1) : text.toString();
        try {
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resourceName) {
        try (InputStream in = LuaScript.class.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalStateException("missing script resource " + resourceName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script text, for clients that send it themselves. */
    public String source() {
        return source;
    }

    /** The SHA-1 EVALSHA names the script by. */
    public String sha() {
        return sha;
    }

    public <T> CompletableFuture<T> run(RedisAsyncCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
        return run(redis, redis.getStatefulConnection()::flushCommands, type, keys, args);
    }

    /**
     * EVALSHA, then EVAL if the server does not have the script yet; on a single server or a cluster (routed by the
     * first key). {@code flush} sends a pipelining caller's buffer, so the retry never waits in it.
     */
    public <T> CompletableFuture<T> run(io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands<String, String> redis, Runnable flush,
                                        ScriptOutputType type, String[] keys, String... args) {
        CompletableFuture<T> first = redis.<T>evalsha(sha, type, keys, args).toCompletableFuture();
        return first.handle((value, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(value);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof RedisNoScriptException || String.valueOf(cause.getMessage()).startsWith("NOSCRIPT")) {
                CompletableFuture<T> retry = redis.<T>eval(source, type, keys, args).toCompletableFuture();
                flush.run();
                return retry;
            }
            return CompletableFuture.<T>failedFuture(cause);
        }).thenCompose(f -> f);
    }
}
