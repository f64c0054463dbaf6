package com.mt5ops.console.bench;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.redis.Fleet;
import com.mt5ops.console.redis.FleetLoader;
import com.mt5ops.console.redis.LocalRedisCluster;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.sim.FleetSimulator;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The cluster row of the bench: the mirror's full read (the loader and the parse, as a full sync does them) on a
 * private three-master Redis Cluster, against a raw floor on the same keys: each master SCANned by itself with
 * pipelined HGETALL / SMEMBERS of what it holds, the masters at once, nothing parsed.
 */
final class ClusterLoadBench {
    static final int MASTERS = 3;

    private final boolean quick;
    private final PrintWriter progress;
    private final int instances;
    private final InstanceParser parser = new InstanceParser(FreshnessPolicy.defaults());

    ClusterLoadBench(boolean quick, PrintWriter progress, int instances) {
        this.quick = quick;
        this.progress = progress;
        this.instances = instances;
    }

    /** Adds {@code cluster_*} to {@code result}; a Redis that cannot form a cluster here leaves the row out and says why. */
    void run(BenchResult result) throws Exception {
        LocalRedisCluster cluster;
        try {
            cluster = LocalRedisCluster.start(MASTERS, List.of("--notify-keyspace-events", "Kghsx"));
        } catch (IOException e) {
            say("cluster load: skipped, no private Redis Cluster here (%s)", e.getMessage());
            result.put("cluster_load", "skipped: " + e.getMessage());
            return;
        }
        try (cluster; RedisConnector connector = new RedisConnector(cluster.endpoint())) {
            say("cluster load: seeding %d instances on a private %d-master Redis Cluster", instances, MASTERS);
            try (FleetSimulator sim = new FleetSimulator(connector, instances, 1)) {
                sim.seed();
            }
            measure(connector, cluster.masterEndpoints(), result);
        }
    }

    private void measure(RedisConnector connector, List<RedisEndpoint> masters, BenchResult result) throws Exception {
        int rounds = quick ? 5 : 9;
        say("cluster load: %d rounds of the floor (per-master SCAN + pipelined HGETALL) and of the mirror's full read", rounds);
        double[] floor = new double[rounds];
        double[] load = new double[rounds];
        List<RedisClient> clients = new ArrayList<>();
        List<StatefulRedisConnection<String, String>> nodes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(masters.size());
        try (FleetLoader loader = new FleetLoader(connector)) {
            for (RedisEndpoint m : masters) {
                RedisClient c = RedisClient.create(m.uri());
                clients.add(c);
                nodes.add(c.connect());
            }
            int keys = 0;
            for (int warm = 0; warm < 3; warm++) {
                keys = floor(nodes, pool);
                parseAll(loader.loadAll());
            }
            for (int k = 0; k < rounds; k++) {
                long t0 = System.nanoTime();
                floor(nodes, pool);
                floor[k] = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                parseAll(loader.loadAll());
                load[k] = (System.nanoTime() - t1) / 1e6;
            }
            result.put("cluster_masters", masters.size());
            result.put("cluster_keys", keys);
        } finally {
            pool.shutdownNow();
            nodes.forEach(StatefulRedisConnection::close);
            clients.forEach(c -> c.shutdown(Duration.ZERO, Duration.ofSeconds(1)));
        }
        // the best round of each, as for the single Redis: on a shared machine noise only adds
        double loadMs = Arrays.stream(load).min().orElse(Double.NaN);
        double floorMs = Arrays.stream(floor).min().orElse(Double.NaN);
        result.put("cluster_load_median_ms", Percentiles.round(Percentiles.median(load)));
        result.put("cluster_load_floor_median_ms", Percentiles.round(Percentiles.median(floor)));
        result.put("cluster_load_ms", Percentiles.round(loadMs));
        result.put("cluster_load_floor_ms", Percentiles.round(floorMs));
        result.put("cluster_load_ratio", Percentiles.round(loadMs / floorMs));
    }

    /** Every master read by itself, all at once; the keys read. */
    private static int floor(List<StatefulRedisConnection<String, String>> nodes, ExecutorService pool) {
        List<CompletableFuture<Integer>> reads = new ArrayList<>();
        for (StatefulRedisConnection<String, String> node : nodes) {
            reads.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return LoadFloor.readAll(node);
                } catch (Exception e) {
                    throw new IllegalStateException("floor read failed: " + e.getMessage(), e);
                }
            }, pool));
        }
        return reads.stream().mapToInt(CompletableFuture::join).sum();
    }

    private int parseAll(Fleet fleet) {
        return parser.parseAll(new ArrayList<>(fleet.instances().values()), Instant.now()).size();
    }

    private void say(String format, Object... args) {
        progress.printf(format + "%n", args);
        progress.flush();
    }
}
