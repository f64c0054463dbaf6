package com.mt5ops.console.cli;

import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The shared `--redis URI` option. The password may come from MT5_REDIS_PASSWORD instead, so it stays off the
 * command line, whether or not the URI names a user ({@link RedisEndpoint#resolve}). With it come the TLS files
 * ({@link TlsOptions}), which every connection to the endpoint uses.
 */
public final class RedisOption {
    private final Function<String, String> env;

    @Option(names = "--redis", required = true, paramLabel = "URI",
            description = "redis://[user[:password]@]host:port/db (a lone user@ names a user), rediss:// for TLS, "
                    + "redis-sentinel://; the password may come from $" + RedisEndpoint.PASSWORD_ENV)
    String uri;

    @Mixin
    TlsOptions tls;

    /** Made by the command line's factory with the commands' context, whose environment it reads. */
    public RedisOption(CliContext ctx) {
        this.env = ctx.env();
    }

    public RedisEndpoint endpoint() {
        return RedisEndpoint.resolve(uri, env).withTls(tls.settings());
    }

    public RedisConnector connector() {
        return new RedisConnector(endpoint());
    }
}
