package com.mt5ops.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mt5ops.console.testing.Await;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `watch` in its own JVM, ended by SIGTERM as a runbook or systemd would: it prints what it has and exits 0. */
class WatchSignalTest {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.withNotifications();

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void sigtermEndsAWatchWithItsFleetPrintedAndExitZero() throws Exception {
        String id = Fixtures.instance(REDIS.redis(), "crashed");
        Path out = Files.createTempFile("watch", ".json");
        Path err = Files.createTempFile("watch", ".err");
        Path logs = Files.createTempDirectory("watch-logs");
        Process watch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dmt5.log.dir=" + logs,
                "com.mt5ops.console.app.Launcher", "watch", "--redis", REDIS.uri(), "--seconds", "120")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            // LIVE, as its log file says: subscribed, events proven, the fleet read
            Path log = logs.resolve("console.log");
            Await.until(Duration.ofSeconds(30), () -> Files.exists(log) && read(log).contains("mirror LIVE"),
                    () -> "the watch never went live: " + (Files.exists(log) ? read(log) : "no log"));
            watch.destroy(); // SIGTERM
            assertTrue(watch.waitFor(20, TimeUnit.SECONDS), "still running 20 s after SIGTERM");
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(0, watch.exitValue(), stderr);
            JsonNode fleet = new ObjectMapper().readTree(out.toFile());
            List<String> ids = fleet.get("instances").findValuesAsText("instance_id");
            assertEquals(List.of(id), ids);
            assertFalse(stderr.contains("\tat "), "no stack trace on stderr: " + stderr);
        } finally {
            watch.destroyForcibly();
            new File(out.toString()).delete();
            new File(err.toString()).delete();
        }
    }
}
