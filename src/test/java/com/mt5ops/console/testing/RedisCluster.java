package com.mt5ops.console.testing;

import com.mt5ops.console.redis.LocalRedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Redis Cluster on loopback for one test class: N masters sharing the 16,384 slots evenly, optionally R
 * replicas each, every node a redis-server started here with its own config file and cluster bus port, and stopped
 * on close. Built with CLUSTER ADDSLOTSRANGE, MEET and REPLICATE (no redis-cli needed).
 */
public final class RedisCluster implements AutoCloseable {
    /** One node: its server and a plain client for seeding and checking. */
    public record Node(LocalRedisServer server, int busPort, RedisClient client, StatefulRedisConnection<String, String> connection) {
        public RedisCommands<String, String> redis() {
            return connection.sync();
        }

        public int port() {
            return server.port();
        }

        public String id() {
            return redis().clusterMyId();
        }

        /** Any command as written, e.g. {@code call("CLUSTER", "FAILOVER")}. */
        public String call(String... words) {
            CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8);
            for (int i = 1; i < words.length; i++) {
                args.add(words[i]);
            }
            return redis().dispatch(CommandType.valueOf(words[0]), new StatusOutput<>(StringCodec.UTF8), args);
        }
    }

    private final Path dir;
    private final List<Node> masters = new ArrayList<>();
    private final List<Node> replicas = new ArrayList<>();

    private RedisCluster(Path dir) {
        this.dir = dir;
    }

    /** Starts {@code masterCount} masters with {@code replicasEach} replicas each, keyspace notifications on. */
    public static RedisCluster start(int masterCount, int replicasEach) throws IOException {
        RedisCluster c = new RedisCluster(Files.createTempDirectory("mt5-cluster"));
        try {
            for (int m = 0; m < masterCount; m++) {
                c.masters.add(c.node());
            }
            for (int r = 0; r < masterCount * replicasEach; r++) {
                c.replicas.add(c.node());
            }
            c.form(replicasEach);
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private Node node() throws IOException {
        int bus = freePort();
        // Its own directory: a replica's full sync writes dump.rdb there, never into the build's working directory
        // (where a Redis 6.2 started later would load it and exit on the newer RDB format).
        Path home = Files.createDirectories(dir.resolve("node-" + bus));
        LocalRedisServer s = LocalRedisServer.startWithoutPassword(List.of("--dir", home.toString(), "--cluster-enabled", "yes",
                "--cluster-config-file", dir.resolve("nodes-" + bus + ".conf").toString(), "--cluster-port", Integer.toString(bus),
                "--cluster-node-timeout", "2000", "--notify-keyspace-events", "Kghsx"));
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + s.port());
        return new Node(s, bus, client, client.connect());
    }

    private void form(int replicasEach) {
        int per = 16_384 / masters.size();
        for (int m = 0; m < masters.size(); m++) {
            int from = m * per;
            int to = m == masters.size() - 1 ? 16_383 : from + per - 1;
            masters.get(m).call("CLUSTER", "ADDSLOTSRANGE", Integer.toString(from), Integer.toString(to));
        }
        Node first = masters.get(0);
        for (Node n : all()) {
            if (n != first) {
                n.call("CLUSTER", "MEET", "127.0.0.1", Integer.toString(first.port()), Integer.toString(first.busPort()));
            }
        }
        Await.until(Duration.ofSeconds(20), () -> all().stream().allMatch(n -> info(n, "cluster_known_nodes").equals(Integer.toString(all().size()))),
                () -> "nodes did not meet");
        for (int r = 0; r < replicas.size(); r++) {
            Node master = masters.get(r / replicasEach);
            String masterId = master.id();
            Node replica = replicas.get(r);
            Await.until(Duration.ofSeconds(10), () -> {
                try {
                    replica.call("CLUSTER", "REPLICATE", masterId);
                    return true;
                } catch (RuntimeException notYetKnown) {
                    return false;
                }
            }, () -> "replica could not follow " + masterId);
        }
        awaitHealthy();
    }

    /** Until every node says the cluster is OK and every replica's link to its master is up. */
    public void awaitHealthy() {
        Await.until(Duration.ofSeconds(30), () -> all().stream().allMatch(n -> info(n, "cluster_state").equals("ok"))
                        && replicas.stream().allMatch(r -> r.redis().info("replication").contains("master_link_status:up")),
                () -> "cluster not healthy: " + all().stream().map(n -> n.port() + "=" + info(n, "cluster_state")).toList());
    }

    private static String info(Node n, String field) {
        for (String line : n.redis().clusterInfo().split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).trim();
            }
        }
        return "";
    }

    public List<Node> masters() {
        return List.copyOf(masters);
    }

    public List<Node> replicas() {
        return List.copyOf(replicas);
    }

    public List<Node> all() {
        List<Node> out = new ArrayList<>(masters);
        out.addAll(replicas);
        return out;
    }

    /** A plain URI of one master: what an operator would give the console. */
    public String uri() {
        return "redis://127.0.0.1:" + masters.get(0).port() + "/0";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Node n : all()) {
            n.connection().close();
            n.client().shutdown(Duration.ZERO, Duration.ofSeconds(1));
            n.server().close();
        }
    }
}
