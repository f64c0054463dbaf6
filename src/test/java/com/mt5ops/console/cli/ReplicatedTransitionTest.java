package com.mt5ops.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.redis.LocalRedisServer;
import com.mt5ops.console.testing.Await;
import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.Monitor;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master with a replica: "done" means a replica confirmed the change (bounded WAIT); a change no replica confirms
 * says it may be lost (exit 7); a replica refuses before any write is sent (exit 5).
 */
class ReplicatedTransitionTest {
    private static LocalRedisServer master;
    private static LocalRedisServer replica;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> onMaster;
    private static StatefulRedisConnection<String, String> replicaConnection;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        // a replica stores what it receives in its dir: a temporary one, not the working directory
        master = LocalRedisServer.startWithoutPassword(List.of("--repl-diskless-sync-delay", "0", "--dir", dir.toString()));
        replica = LocalRedisServer.startWithoutPassword(List.of("--replicaof", "127.0.0.1", Integer.toString(master.port()),
                "--dir", dir.toString(), "--dbfilename", "replica.rdb"));
        client = RedisClient.create();
        onMaster = client.connect(io.lettuce.core.RedisURI.create(master.uri()));
        replicaConnection = client.connect(io.lettuce.core.RedisURI.create(replica.uri()));
        Await.until(Duration.ofSeconds(10), () -> onReplica().info("replication").contains("master_link_status:up"),
                () -> "the replica did not sync");
    }

    @AfterAll
    static void stop() {
        onMaster.close();
        replicaConnection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        replica.close();
        master.close();
    }

    private static void signal(String sig, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start().waitFor());
    }

    @Test
    void doneMeansAReplicaConfirmedTheChange() throws Exception {
        RedisCommands<String, String> r = onMaster.sync();
        String id = Fixtures.instance(r, "running");
        try (Monitor monitor = new Monitor(master.port())) {
            CliRun run = CliRun.of("transition", "--redis", master.uri(), "--id", id, "--to", "stopped", "--from", "running");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("(replicated)"), run.out());
            List<String> order = monitor.commands("ROLE", "EVALSHA", "EVAL", "WAIT");
            assertTrue(order.size() >= 3 && order.get(0).contains("\"ROLE\"") && order.get(order.size() - 1).contains("\"WAIT\" \"1\" \"1000\""),
                    "ROLE before the script, a bounded WAIT after it: " + order);
        }
        Await.until(Duration.ofSeconds(2), () -> "stopped".equals(onReplica().hget("instance:" + id, "state")), () -> "not on the replica");
    }

    @Test
    void aChangeNoReplicaConfirmsIsReportedAsPossiblyLostWithExitSeven() throws Exception {
        RedisCommands<String, String> r = onMaster.sync();
        String id = Fixtures.instance(r, "running");
        signal("STOP", replica.pid());
        CliRun run;
        long took;
        try {
            long t0 = System.nanoTime();
            run = CliRun.of("transition", "--redis", master.uri(), "--id", id, "--to", "stopped");
            took = (System.nanoTime() - t0) / 1_000_000;
        } finally {
            signal("CONT", replica.pid());
        }
        assertEquals(7, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().contains("no replica confirmed it within 1 s") && run.err().contains("may be lost"), run.err());
        assertTrue(took < 5_000, "bounded: " + took + " ms");
        assertEquals("stopped", r.hget("instance:" + id, "state"), "it is on the master, with its audit entry");
        assertTrue(r.xrange("console:audit", Range.create("-", "+")).stream().anyMatch(e -> id.equals(e.getBody().get("instance_id"))));
    }

    @Test
    void aReplicaRefusesATransitionBeforeAnyWriteIsSent() throws Exception {
        RedisCommands<String, String> r = onMaster.sync();
        String id = Fixtures.instance(r, "running");
        Await.until(Duration.ofSeconds(2), () -> onReplica().exists("instance:" + id) == 1, () -> "not replicated yet");
        try (Monitor monitor = new Monitor(replica.port())) {
            CliRun run = CliRun.of("transition", "--redis", replica.uri(), "--id", id, "--to", "stopped");
            assertEquals(5, run.exitCode(), run.err());
            assertEquals(1, run.errLines(), run.err());
            assertTrue(run.err().contains("is not the master (ROLE says slave)") && run.err().contains("nothing was written"), run.err());
            assertEquals(List.of(), monitor.commands("EVALSHA", "EVAL", "XADD", "HSET", "WAIT"), "no write was sent");
        }
        assertEquals("running", r.hget("instance:" + id, "state"));
    }

    private static RedisCommands<String, String> onReplica() {
        return replicaConnection.sync();
    }
}
