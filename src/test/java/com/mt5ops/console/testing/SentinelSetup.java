package com.mt5ops.console.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Sentinel deployment on 127.0.0.1 for failover tests: a master, one replica and three sentinels
 * ({@code mymaster}, quorum 2, down after 1 s, failover timeout 5 s), each a `redis-server` process on its own free
 * port with its own configuration file in {@code dir} (sentinels rewrite theirs). Started ready (replica in sync,
 * every sentinel knowing the replica and the other two), stopped with every process it started.
 */
public final class SentinelSetup implements AutoCloseable {
    public static final String MASTER_NAME = "mymaster";

    private final Path dir;
    private final Path binary;
    private final List<Node> nodes = new ArrayList<>();
    private int firstMaster;
    private final RedisClient client = RedisClient.create();
    private final List<Integer> sentinelPorts = new ArrayList<>();

    /** One process: its port and what it is. */
    private record Node(int port, boolean sentinel, Process process) {
    }

    private SentinelSetup(Path dir) throws IOException {
        this.dir = dir;
        this.binary = binary();
    }

    /** Starts everything in {@code dir} and waits (bounded) until a failover could run. */
    public static SentinelSetup start(Path dir) throws IOException {
        SentinelSetup s = new SentinelSetup(dir);
        try {
            s.launch();
            return s;
        } catch (IOException | RuntimeException | Error e) {
            s.close();
            throw e;
        }
    }

    private void launch() throws IOException {
        firstMaster = server(null);
        int replica = server(firstMaster);
        for (int k = 0; k < 3; k++) {
            sentinelPorts.add(start(true, port -> List.of("port " + port, "bind 127.0.0.1", "daemonize no", "dir " + dir,
                    "sentinel announce-hostnames no",
                    "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + firstMaster + " 2",
                    "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                    "sentinel failover-timeout " + MASTER_NAME + " 5000")));
        }
        awaitCondition(Duration.ofSeconds(20), () -> info(replica, "replication").contains("master_link_status:up"),
                () -> "the replica did not sync: " + info(replica, "replication"));
        for (int port : sentinelPorts) {
            awaitCondition(Duration.ofSeconds(20), () -> {
                Map<String, String> m = sentinelMaster(port);
                return "1".equals(m.get("num-slaves")) && "2".equals(m.get("num-other-sentinels"));
            }, () -> "sentinel " + port + " is not ready: " + sentinelMaster(port));
        }
    }

    private int server(Integer replicaOf) throws IOException {
        return start(false, port -> {
            List<String> lines = new ArrayList<>(List.of("port " + port, "bind 127.0.0.1", "daemonize no", "dir " + dir,
                    "dbfilename dump-" + port + ".rdb", "save \"\"", "appendonly no", "notify-keyspace-events Kghsx",
                    "repl-diskless-sync-delay 0", "replica-serve-stale-data yes"));
            if (replicaOf != null) {
                lines.add("replicaof 127.0.0.1 " + replicaOf);
            }
            return lines;
        });
    }

    /**
     * Starts one process with the configuration {@code config} makes for a free port and waits until it answers as
     * itself (its pid in INFO server). Another process may take the port between the check and the bind (builds run
     * side by side here): then it tries another port.
     */
    private int start(boolean sentinel, java.util.function.IntFunction<List<String>> config) throws IOException {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            String name = (sentinel ? "sentinel-" : "redis-") + port;
            Path conf = dir.resolve(name + ".conf");
            Files.writeString(conf, String.join("\n", config.apply(port)) + "\n");
            List<String> command = new ArrayList<>(List.of(binary.toString(), conf.toString()));
            if (sentinel) {
                command.add("--sentinel");
            }
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (p.isAlive() && System.nanoTime() < deadline && !answersAs(port, p.pid())) {
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            if (p.isAlive() && answersAs(port, p.pid())) {
                nodes.add(new Node(port, sentinel, p));
                return port;
            }
            p.destroyForcibly();
            if (attempt == 3) {
                throw new IOException(name + " did not start: see " + dir.resolve(name + ".log"));
            }
        }
    }

    private boolean answersAs(int port, long pid) {
        return info(port, "server").contains("process_id:" + pid + "\r");
    }

    /** {@code redis-sentinel://} with all three sentinels, db 0. */
    public String uri() {
        StringBuilder hosts = new StringBuilder();
        for (int port : sentinelPorts) {
            hosts.append(hosts.length() == 0 ? "" : ",").append("127.0.0.1:").append(port);
        }
        return "redis-sentinel://" + hosts + "/0#" + MASTER_NAME;
    }

    /** A plain URI of one server. */
    public static String direct(int port) {
        return "redis://127.0.0.1:" + port + "/0";
    }

    public int firstMaster() {
        return firstMaster;
    }

    /** The port the first sentinel names as the master now. */
    public int masterPort() {
        return Integer.parseInt(sentinelMaster(sentinelPorts.get(0)).get("port"));
    }

    public int otherServer(int port) {
        return nodes.stream().filter(n -> !n.sentinel() && n.port() != port).findFirst().orElseThrow().port();
    }

    /** The process id of the server on {@code port}, for SIGSTOP and SIGCONT. */
    public long pid(int port) {
        return nodes.stream().filter(n -> n.port() == port).findFirst().orElseThrow().process().pid();
    }

    public List<Integer> sentinelPorts() {
        return List.copyOf(sentinelPorts);
    }

    /** SENTINEL FAILOVER, retried (bounded) while the sentinels are not ready for it; returns the old master's port. */
    public int failover() {
        int old = masterPort();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (StatefulRedisSentinelConnection<String, String> s = client.connectSentinel(local(sentinelPorts.get(0)))) {
                s.sync().failover(MASTER_NAME);
                return old;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    /** Waits until every sentinel names a master other than {@code old}; its port. */
    public int awaitNewMaster(int old, Duration timeout) {
        awaitCondition(timeout, () -> sentinelPorts.stream().allMatch(p -> !String.valueOf(old).equals(sentinelMaster(p).get("port"))),
                () -> "the sentinels still name " + old);
        return masterPort();
    }

    /** A plain connection to one server, for seeding and checking. The caller closes it. */
    public StatefulRedisConnection<String, String> connect(int port) {
        return client.connect(local(port));
    }

    /** A loopback URI whose connect and commands are bounded: a frozen server must not hang a test for a minute. */
    private static RedisURI local(int port) {
        return RedisURI.Builder.redis("127.0.0.1", port).withTimeout(Duration.ofSeconds(5)).build();
    }

    public String info(int port, String section) {
        try (StatefulRedisConnection<String, String> c = connect(port)) {
            return c.sync().info(section);
        } catch (RuntimeException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    private Map<String, String> sentinelMaster(int port) {
        try (StatefulRedisSentinelConnection<String, String> s = client.connectSentinel(local(port))) {
            return s.sync().master(MASTER_NAME);
        } catch (RuntimeException e) {
            return Map.of("error", String.valueOf(e.getMessage()));
        }
    }

    private static void awaitCondition(Duration timeout, java.util.function.BooleanSupplier ok, Supplier<String> why) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + timeout.toMillis() + " ms: " + why.get());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** Sends {@code signal} ("STOP", "CONT") to the server on {@code port}. */
    public void signal(String signal, int port) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid(port))).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + signal + " failed");
        }
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            try {
                new ProcessBuilder("kill", "-CONT", Long.toString(n.process().pid())).start().waitFor(2, TimeUnit.SECONDS);
            } catch (IOException e) {
                // it is killed below anyway
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            n.process().destroyForcibly();
        }
        for (Node n : nodes) {
            try {
                n.process().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }

    private static Path binary() throws IOException {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                Path candidate = Path.of(d, "redis-server");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        File embedded = ExecutableProvider.newJarResourceProvider().get();
        embedded.setExecutable(true);
        return embedded.toPath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
