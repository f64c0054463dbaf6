package com.mt5ops.console.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Owns the Lettuce client for one endpoint and opens the three kinds of connection the console uses: reads,
 * pub/sub, and writes that are rejected while disconnected and never replayed after a reconnect.
 */
public final class RedisConnector implements AutoCloseable {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(3);
    // Nagle's algorithm with delayed ACKs stalls pipelined round trips by tens of milliseconds each. Connect (3 s) and
    // TLS handshake (TlsSettings, 4 s) together stay under the 10 s in which a command must say it cannot connect.
    private static final SocketOptions SOCKET = SocketOptions.builder().tcpNoDelay(true)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private static final io.lettuce.core.MaintNotificationsConfig NO_MAINT = io.lettuce.core.MaintNotificationsConfig.disabled();

    private final RedisEndpoint endpoint;
    private final MasterRoute route;
    private Clients clients; // built on first use, on the thread that connects: Lettuce and Netty take long to load
    private ServerMode mode; // asked on first use: a Redis Cluster node needs the cluster client
    private boolean closed;

    /** The client for reads and pub/sub, and the one for operator writes, over shared I/O threads; a cluster's two. */
    private record Clients(ClientResources resources, RedisClient client, RedisClient writeClient, ClusterClients cluster) {
    }

    public RedisConnector(RedisEndpoint endpoint) {
        this.endpoint = endpoint;
        this.route = new MasterRoute(endpoint, () -> clients().client());
    }

    private synchronized Clients clients() {
        if (closed) {
            throw new RedisAccessException(RedisAccessException.Reason.UNREACHABLE, "the connection to " + endpoint.display()
                    + " is closed", null);
        }
        if (clients == null) {
            clients = build(endpoint, cluster());
        }
        return clients;
    }

    /** True when the endpoint is a Redis Cluster node (asked once, with HELLO); the whole cluster is then the fleet. */
    public synchronized boolean cluster() {
        if (mode == null) {
            mode = route.sentinel() ? ServerMode.STANDALONE : ServerMode.of(endpoint);
            if (mode == ServerMode.CLUSTER && endpoint.database() != 0) {
                throw new RedisAccessException(RedisAccessException.Reason.BAD_URI, endpoint.display()
                        + " is a Redis Cluster node, and a cluster has only database 0: use /0", null);
            }
        }
        return mode == ServerMode.CLUSTER;
    }

    private static Clients build(RedisEndpoint endpoint, boolean cluster) {
        // Lettuce backs off to 30 s by default; an ops console must be back within about 2 s.
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .ioThreadPoolSize(2).computationThreadPoolSize(2)
                // The JDK resolver and no latency metrics: each saves hundreds of ms at start-up.
                .addressResolverGroup(io.netty.resolver.DefaultAddressResolverGroup.INSTANCE)
                .commandLatencyRecorder(io.lettuce.core.metrics.CommandLatencyRecorder.disabled())
                .build();
        RedisClient client = RedisClient.create(resources, endpoint.uri());
        // Reads fail at once while disconnected (the mirror resyncs after reconnecting) instead of queueing.
        client.setOptions(ClientOptions.builder()
                .maintNotificationsConfig(NO_MAINT) // a CLIENT command a viewer may lack: nothing denied on connect
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SOCKET)
                .sslOptions(endpoint.tls().sslOptions())
                .timeoutOptions(TimeoutOptions.enabled(READ_TIMEOUT))
                .build());
        RedisClient writeClient = RedisClient.create(resources, endpoint.uri());
        writeClient.setOptions(ClientOptions.builder()
                .maintNotificationsConfig(NO_MAINT)
                .autoReconnect(true)
                .socketOptions(SOCKET)
                .sslOptions(endpoint.tls().sslOptions())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .replayFilter(command -> true)
                .timeoutOptions(TimeoutOptions.enabled(WRITE_TIMEOUT))
                .build());
        return new Clients(resources, client, writeClient,
                cluster ? ClusterClients.build(resources, endpoint, SOCKET, READ_TIMEOUT, WRITE_TIMEOUT) : null);
    }

    public RedisEndpoint endpoint() {
        return endpoint;
    }

    /** Where connections go: the endpoint, or behind Sentinel the master the sentinels name now. */
    public MasterRoute route() {
        return route;
    }

    /** A connection for reads (and the writes of simulate and repair), reconnecting on its own. */
    public StatefulRedisConnection<String, String> connect() {
        try {
            RedisClient client = clients().client();
            return route.sentinel() ? client.connect(route.target(READ_TIMEOUT).uri()) : client.connect();
        } catch (RuntimeException e) {
            throw TlsFailures.classify(endpoint, e);
        }
    }

    /** The operator-action connection: a click that cannot reach Redis fails now, and is never re-sent later. */
    public StatefulRedisConnection<String, String> connectWriter() {
        return connectWriter(writerTarget());
    }

    /** Where a writer connects now: behind Sentinel the master the sentinels name; null: the endpoint itself. */
    public MasterRoute.Target writerTarget() {
        try {
            return route.sentinel() ? route.target(WRITE_TIMEOUT) : null;
        } catch (RuntimeException e) {
            throw RedisAccessException.from(endpoint.display(), e);
        }
    }

    /** A writer to {@code target} (from {@link MasterRoute#target}; null: the endpoint itself). */
    public StatefulRedisConnection<String, String> connectWriter(MasterRoute.Target target) {
        try {
            RedisClient writeClient = clients().writeClient();
            return target == null ? writeClient.connect() : writeClient.connect(target.uri());
        } catch (RuntimeException e) {
            throw TlsFailures.classify(endpoint, e);
        }
    }

    /** A connection for key commands, on a single Redis or across a whole cluster ({@link KeyConnection}). */
    public KeyConnection open() {
        Clients c = clients();
        if (c.cluster() == null) {
            return KeyConnection.of(connect());
        }
        try {
            return KeyConnection.of(ClusterClients.connectToMasters(c.cluster().client()));
        } catch (RuntimeException e) {
            throw TlsFailures.classify(endpoint, e);
        }
    }

    /** The operator-action connection for key commands (never replays), on a single Redis or a whole cluster. */
    public KeyConnection openWriter() {
        Clients c = clients();
        if (c.cluster() == null) {
            return KeyConnection.of(connectWriter());
        }
        try {
            return KeyConnection.of(ClusterClients.connectToMasters(c.cluster().writeClient()));
        } catch (RuntimeException e) {
            throw TlsFailures.classify(endpoint, e);
        }
    }

    /** On a cluster: a pub/sub connection that can subscribe on every master (keyspace events are node-local). */
    public io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection<String, String> connectClusterPubSub() {
        try {
            return clients().cluster().client().connectPubSub();
        } catch (RuntimeException e) {
            throw TlsFailures.classify(endpoint, e);
        }
    }

    public StatefulRedisPubSubConnection<String, String> connectPubSub() {
        try {
            RedisClient client = clients().client();
            return route.sentinel() ? client.connectPubSub(route.target(READ_TIMEOUT).uri()) : client.connectPubSub();
        } catch (RuntimeException e) {
            throw TlsFailures.classify(endpoint, e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        route.close();
        if (clients == null) {
            return;
        }
        if (clients.cluster() != null) {
            clients.cluster().shutdown();
        }
        clients.writeClient().shutdown(Duration.ZERO, Duration.ofSeconds(2));
        clients.client().shutdown(Duration.ZERO, Duration.ofSeconds(2));
        clients.resources().shutdown(0, 2, TimeUnit.SECONDS);
    }
}
