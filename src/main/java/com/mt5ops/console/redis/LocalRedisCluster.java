package com.mt5ops.console.redis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Redis Cluster on loopback for the bench, started like {@link LocalRedisServer} (its own folders, a random
 * password on standard input, shared by the nodes): N masters sharing the 16,384 slots evenly, formed with
 * CLUSTER ADDSLOTSRANGE and MEET (Redis 7; a server that cannot form one fails to start), stopped on close.
 */
public final class LocalRedisCluster implements AutoCloseable {
    private static final long FORM_TIMEOUT_MS = 30_000;

    private final List<LocalRedisServer> masters = new ArrayList<>();
    private final List<Integer> busPorts = new ArrayList<>();

    private LocalRedisCluster() {
    }

    /** Starts {@code masterCount} masters with {@code extraArgs} each (say, the notification flags) and forms the cluster. */
    public static LocalRedisCluster start(int masterCount, List<String> extraArgs) throws IOException {
        LocalRedisCluster c = new LocalRedisCluster();
        try {
            for (int m = 0; m < masterCount; m++) {
                int bus = LocalRedisServer.freePort();
                List<String> args = new ArrayList<>(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                        "--cluster-port", Integer.toString(bus), "--cluster-node-timeout", "5000"));
                args.addAll(extraArgs);
                c.masters.add(m == 0 ? LocalRedisServer.start(args) : LocalRedisServer.startSharingPassword(c.masters.get(0), args));
                c.busPorts.add(bus);
            }
            c.form();
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void form() throws IOException {
        int per = 16_384 / masters.size();
        for (int m = 0; m < masters.size(); m++) {
            int from = m * per;
            int to = m == masters.size() - 1 ? 16_383 : from + per - 1;
            call(m, "CLUSTER", "ADDSLOTSRANGE", Integer.toString(from), Integer.toString(to));
        }
        for (int m = 1; m < masters.size(); m++) {
            call(m, "CLUSTER", "MEET", "127.0.0.1", Integer.toString(masters.get(0).port()), Integer.toString(busPorts.get(0)));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FORM_TIMEOUT_MS);
        while (!formed()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the private cluster did not form within " + FORM_TIMEOUT_MS / 1000 + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while forming the cluster", e);
            }
        }
    }

    /** Every node knows every other, serves its slots and says the cluster is OK. */
    private boolean formed() throws IOException {
        for (int m = 0; m < masters.size(); m++) {
            String info = String.valueOf(call(m, "CLUSTER", "INFO"));
            if (!info.contains("cluster_state:ok") || !info.contains("cluster_known_nodes:" + masters.size())
                    || !info.contains("cluster_slots_ok:16384")) {
                return false;
            }
        }
        return true;
    }

    private Object call(int master, String... command) throws IOException {
        LocalRedisServer s = masters.get(master);
        try (RespConnection c = RespConnection.open(s.endpoint().uri(), TlsSettings.JVM_DEFAULT)) {
            return c.call(command);
        }
    }

    /** The first master, as an operator would name the cluster. */
    public RedisEndpoint endpoint() {
        return masters.get(0).endpoint();
    }

    /** Every master, each by itself (its node's keys only). */
    public List<RedisEndpoint> masterEndpoints() {
        return masters.stream().map(LocalRedisServer::endpoint).toList();
    }

    @Override
    public void close() {
        masters.forEach(LocalRedisServer::close);
    }
}
