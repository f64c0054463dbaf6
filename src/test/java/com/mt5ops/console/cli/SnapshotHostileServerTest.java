package com.mt5ops.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.FakeServer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * `snapshot` against servers that are not Redis, or not well: crafted replies over the reader's limits and endpoints
 * that accept and never answer end in exit 5 with one line, within 10 s, never a hang or an OutOfMemoryError.
 */
class SnapshotHostileServerTest {

    /** Runs `snapshot` against {@code scheme}://127.0.0.1:{port}; fails if it takes 10 s or more. */
    private static CliRun snapshot(String scheme, int port) throws Exception {
        long t0 = System.nanoTime();
        CliRun run = CliRun.start("snapshot", "--redis", scheme + "://127.0.0.1:" + port + "/0").result().get(15, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 10_000, "took " + ms + " ms");
        assertEquals(5, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.errLines(), run.err());
        assertEquals("", run.out());
        return run;
    }

    /** A server that answers PING as Redis does and any other command (SCAN) with {@code reply}. */
    private static FakeServer replying(String reply) throws Exception {
        byte[] pong = "+PONG\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] crafted = reply.getBytes(StandardCharsets.US_ASCII);
        return FakeServer.answering(command -> command.get(0).equalsIgnoreCase("PING") ? pong : crafted);
    }

    @Test
    void aBulkStringOfTwoGigabytesIsRefusedFromItsHeader() throws Exception {
        try (FakeServer server = replying("$2000000000\r\nxxxx")) {
            CliRun run = snapshot("redis", server.port());
            assertEquals("error: refused a reply from redis://127.0.0.1:" + server.port() + "/0: a bulk string of 2,000,000,000 bytes"
                    + " is over the limit of 67,108,864 bytes", run.err().strip());
        }
    }

    @Test
    void aHugeArrayHeaderIsRefused() throws Exception {
        try (FakeServer server = replying("*2147483647\r\n")) {
            assertTrue(snapshot("redis", server.port()).err().contains("an array of 2,147,483,647 elements is over the limit"));
        }
    }

    @Test
    void aMillionNestedArraysAreRefusedWithoutAStackOverflow() throws Exception {
        String nested = "*1\r\n".repeat(1_000_000);
        try (FakeServer server = replying(nested)) {
            assertTrue(snapshot("redis", server.port()).err().contains("nested deeper than 64 levels"));
        }
    }

    @Test
    void aReplyOfTheWrongShapeIsOneLine() throws Exception {
        try (FakeServer server = replying(":7\r\n")) {
            assertTrue(snapshot("redis", server.port()).err().contains("a reply of an unexpected shape"));
        }
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersIsExitFive() throws Exception {
        try (FakeServer silent = FakeServer.silent()) {
            assertTrue(snapshot("redis", silent.port()).err().contains("no answer within 5 s"));
        }
    }

    @Test
    void aTlsEndpointThatNeverCompletesTheHandshakeIsExitFive() throws Exception {
        try (FakeServer silent = FakeServer.silent()) {
            assertTrue(snapshot("rediss", silent.port()).err().contains("no TLS handshake within 5 s"));
        }
    }
}
