package com.mt5ops.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.Await;
import com.mt5ops.console.testing.CliRun;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoEnvironmentTest {

    @Test
    void demoStartsItsOwnRedisAndLeavesNoProcessBehind() throws Exception {
        long pid;
        try (DemoEnvironment demo = DemoEnvironment.start(40, 20)) {
            pid = demo.server().pid();
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            assertTrue(demo.endpoint().display().startsWith("redis://127.0.0.1:"), demo.endpoint().display());
            try (RedisClient client = RedisClient.create(demo.uri()); StatefulRedisConnection<String, String> c = client.connect()) {
                assertTrue(c.sync().configGet("notify-keyspace-events").get("notify-keyspace-events").contains("K"));
                assertEquals(40, c.sync().scard("instance:state:running") + c.sync().scard("instance:state:stopped")
                        + c.sync().scard("instance:state:crashed") + c.sync().scard("instance:state:restarting"));
            }
        }
        Await.until(Duration.ofSeconds(5), () -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), () -> "redis-server " + pid + " still runs");
    }

    @Test
    void theDemoRedisRefusesEveryClientWithoutItsPassword() throws Exception {
        try (DemoEnvironment demo = DemoEnvironment.start(10, 5)) {
            int port = demo.server().port();
            String password = demo.uri().replaceAll("redis://:([^@]+)@.*", "$1");
            assertTrue(password.length() >= 32, "a password of its own");
            assertTrue(unauthenticated(port, "PING").startsWith("-NOAUTH"));
            assertTrue(unauthenticated(port, "CONFIG SET dir /tmp").startsWith("-NOAUTH"));
            try (RedisClient client = RedisClient.create(demo.uri()); StatefulRedisConnection<String, String> c = client.connect()) {
                assertFalse("/tmp".equals(c.sync().configGet("dir").get("dir")), "dir is unchanged");
                assertEquals("yes", c.sync().configGet("protected-mode").get("protected-mode"));
                assertEquals("127.0.0.1", c.sync().configGet("bind").get("bind"));
            }
            assertFalse(demo.endpoint().display().contains(password));
            assertFalse(demo.endpoint().remembered().contains(password));
            assertFalse(ProcessHandle.of(demo.server().pid()).flatMap(p -> p.info().commandLine()).orElse("").contains(password));
        }
    }

    @Test
    void whenTheSimulatorFailsTheDemoSaysSoAndRestartsItAndWhenItsRedisDiesItSaysThat() throws Exception {
        try (DemoEnvironment demo = DemoEnvironment.start(20, 200)) {
            List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
            demo.onTrouble(told::add);
            try (RedisClient client = RedisClient.create(demo.uri()); StatefulRedisConnection<String, String> c = client.connect()) {
                RedisCommands<String, String> r = c.sync();
                // Redis refuses every write: the simulator's next round fails
                r.configSet("maxmemory-policy", "noeviction");
                r.configSet("maxmemory", "1");
                Await.until(Duration.ofSeconds(10), () -> told.stream().anyMatch(t -> t.startsWith("The demo's simulator cannot write (")
                        && t.contains("OOM") && t.endsWith("retrying.")), () -> "told " + told);
                r.configSet("maxmemory", "0");
                long before = r.info("commandstats").lines().filter(l -> l.startsWith("cmdstat_evalsha") || l.startsWith("cmdstat_hset"))
                        .mapToLong(l -> Long.parseLong(l.replaceAll("^[^:]+:calls=(\\d+),.*", "$1"))).sum();
                Await.until(Duration.ofSeconds(10), () -> r.info("commandstats").lines()
                        .filter(l -> l.startsWith("cmdstat_evalsha") || l.startsWith("cmdstat_hset"))
                        .mapToLong(l -> Long.parseLong(l.replaceAll("^[^:]+:calls=(\\d+),.*", "$1"))).sum() > before + 50,
                        () -> "the simulator did not write again; told " + told);
                Await.until(Duration.ofSeconds(5), () -> told.contains("The demo's simulator is writing again."), () -> "told " + told);
            }
            demo.server().kill();
            Await.until(Duration.ofSeconds(15), () -> told.stream().anyMatch(t -> t.startsWith("The demo's Redis has died (killed by signal 9)")),
                    () -> "told " + told);
        }
    }

    /** One inline command on a fresh connection that never authenticated; the first line of the reply. */
    private static String unauthenticated(int port, String command) throws java.io.IOException {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write((command + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            var in = new java.io.InputStreamReader(s.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII);
            return new java.io.BufferedReader(in).readLine();
        }
    }

    @Test
    void seededDemoFleetPassesCheck() throws Exception {
        try (DemoEnvironment demo = DemoEnvironment.start(250, 60)) {
            CliRun check = CliRun.of("check", "--redis", demo.uri());
            assertEquals(0, check.exitCode(), check.out());
            assertTrue(check.out().contains("250 instances, 0 problems"), check.out());
        }
    }

    @Test
    void operatorRestartMarkingIsFollowedBySimulatedRecovery() throws Exception {
        try (DemoEnvironment demo = DemoEnvironment.start(60, 30);
             RedisClient client = RedisClient.create(demo.uri()); StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> r = c.sync();
            List<String> marked = new ArrayList<>(r.smembers("instance:state:running")).subList(0, 3);
            for (String id : marked) {
                CliRun run = CliRun.of("mark-restart", "--redis", demo.uri(), "--id", id, "--reason", "demo test");
                assertEquals(0, run.exitCode(), run.err());
                assertEquals("restarting", r.hget("instance:" + id, "state"));
            }
            Await.until(Duration.ofSeconds(15), () -> marked.stream().noneMatch(id -> "restarting".equals(r.hget("instance:" + id, "state"))),
                    () -> "still restarting: " + marked.stream().map(id -> r.hget("instance:" + id, "state")).toList());
            assertTrue(marked.stream().anyMatch(id -> "running".equals(r.hget("instance:" + id, "state"))), "the manager brought them back");
            for (String id : marked) {
                String state = r.hget("instance:" + id, "state");
                assertTrue(r.sismember("instance:state:" + state, id), "the index follows the state");
                assertFalse(r.sismember("instance:state:restarting", id));
            }
        }
    }
}
