package com.mt5ops.console.archfixture.model;

/** Breaks "model does no I/O": it holds a Redis connection. */
public final class IoBreach {
    io.lettuce.core.api.StatefulRedisConnection<String, String> connection;
}
