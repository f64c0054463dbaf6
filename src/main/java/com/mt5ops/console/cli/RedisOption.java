package com.mt5ops.console.cli;

import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import picocli.CommandLine.Option;

/** The shared `--redis URI` option; the password may also come from MT5_REDIS_PASSWORD so it stays off the command line. */
public final class RedisOption {
    @Option(names = "--redis", required = true, paramLabel = "URI",
            description = "redis://[user:password@]host:port/db, rediss:// for TLS, redis-sentinel://")
    String uri;

    public RedisEndpoint endpoint() {
        RedisEndpoint endpoint = RedisEndpoint.parse(uri);
        String password = System.getenv("MT5_REDIS_PASSWORD");
        if (password != null && !uri.contains("@")) {
            endpoint.uri().setAuthentication(password.toCharArray());
        }
        return endpoint;
    }

    public RedisConnector connector() {
        return new RedisConnector(endpoint());
    }
}
