package com.mt5ops.console.redis;

import io.lettuce.core.RedisURI;

/** A parsed Lettuce URI plus a display form that never shows the password. */
public record RedisEndpoint(RedisURI uri, String display) {

    public static RedisEndpoint parse(String text) {
        try {
            RedisURI uri = RedisURI.create(text);
            return new RedisEndpoint(uri, displayOf(uri));
        } catch (RuntimeException e) {
            throw new RedisAccessException(RedisAccessException.Reason.BAD_URI,
                    "not a Redis URI: '" + text + "' (expected redis://[user:password@]host:port/db)", e);
        }
    }

    public int database() {
        return uri.getDatabase();
    }

    private static String displayOf(RedisURI uri) {
        String scheme = uri.isSsl() ? "rediss" : "redis";
        if (uri.getSentinels() != null && !uri.getSentinels().isEmpty()) {
            RedisURI s = uri.getSentinels().get(0);
            return "redis-sentinel://" + s.getHost() + ":" + s.getPort() + "/" + uri.getDatabase() + "#" + uri.getSentinelMasterId();
        }
        return scheme + "://" + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }
}
