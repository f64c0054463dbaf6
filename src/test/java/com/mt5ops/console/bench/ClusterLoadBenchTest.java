package com.mt5ops.console.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The bench's cluster row forms its own three-master cluster, fills it, and measures the mirror's read against the floor. */
class ClusterLoadBenchTest {
    @Test
    void theClusterRowReadsTheWholeFleetFromItsOwnClusterAndComparesItWithTheFloor() throws Exception {
        StringWriter progress = new StringWriter();
        BenchResult result = new BenchResult();
        new ClusterLoadBench(true, new PrintWriter(progress, true), Integer.getInteger("bench.cluster.instances", 300)).run(result);

        assertEquals(3, result.number("cluster_masters"), progress.toString());
        int instances = Integer.getInteger("bench.cluster.instances", 300);
        assertTrue(result.number("cluster_keys") >= 3 * instances, "three hashes per instance, plus the sets: " + result.values());
        assertTrue(result.number("cluster_load_ms") > 0 && result.number("cluster_load_floor_ms") > 0, result.values().toString());
        assertEquals(result.number("cluster_load_ms") / result.number("cluster_load_floor_ms"), result.number("cluster_load_ratio"), 0.02,
                result.values().toString());
        assertTrue(progress.toString().contains("private 3-master Redis Cluster"), progress.toString());
        System.out.println("BENCH " + result.values());
    }
}
