package com.mt5ops.console.testing;

import com.mt5ops.console.redis.LocalRedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis for one test class: started on a free port before the class (without a password, so {@link #uri()}
 * carries none), emptied before each test, stopped after. Tests seed and inspect it through {@link #redis()}; fault
 * tests kill and restart it.
 */
public final class RedisExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private final List<String> serverArgs;
    private final boolean embedded;
    private LocalRedisServer server;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    public RedisExtension(String... serverArgs) {
        this(false, serverArgs);
    }

    private RedisExtension(boolean embedded, String... serverArgs) {
        this.embedded = embedded;
        this.serverArgs = List.of(serverArgs);
    }

    /** The Redis 6.2 binary embedded-redis ships, even where redis-server 7 is on the PATH. */
    public static RedisExtension embedded62() {
        return new RedisExtension(true);
    }

    /** Notifications on, as a production deployment for the console would have them. */
    public static RedisExtension withNotifications() {
        return new RedisExtension("--notify-keyspace-events", "Kghsx");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = embedded ? LocalRedisServer.startEmbedded(serverArgs) : LocalRedisServer.startWithoutPassword(serverArgs);
        client = RedisClient.create(server.uri());
        connection = client.connect();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!server.isAlive()) {
            try {
                server.restart();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        redis().flushall();
        // ACL users a test created must not leak into the next one.
        for (String user : redis().aclUsers()) {
            if (!"default".equals(user)) {
                redis().aclDeluser(user);
            }
        }
        redis().configSet("notify-keyspace-events", serverArgs.contains("Kghsx") ? "Kghsx" : "");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
        if (server != null) {
            server.close();
        }
    }

    public String uri() {
        return server.uri();
    }

    /** The server's version, e.g. "7.0.15" (INFO server). */
    public String version() {
        return redis().info("server").lines().filter(l -> l.startsWith("redis_version:"))
                .map(l -> l.substring("redis_version:".length()).trim()).findFirst().orElse("?");
    }

    public LocalRedisServer server() {
        return server;
    }

    /** Any command as written, e.g. {@code call("ACL", "SETUSER", "viewer", "on", ">pw", "+@read")}; its status reply. */
    public String call(String... words) {
        io.lettuce.core.protocol.CommandArgs<String, String> args = new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.StringCodec.UTF8);
        for (int i = 1; i < words.length; i++) {
            args.add(words[i]);
        }
        return redis().dispatch(io.lettuce.core.protocol.CommandType.valueOf(words[0].toUpperCase(java.util.Locale.ROOT)),
                new io.lettuce.core.output.StatusOutput<>(io.lettuce.core.codec.StringCodec.UTF8), args);
    }

    /** A plain synchronous connection for seeding and checking what Redis holds. */
    public RedisCommands<String, String> redis() {
        return connection.sync();
    }
}
