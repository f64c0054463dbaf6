package com.mt5ops.console.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.FakeServer;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plain RESP connection against a real Redis, and against servers that accept and never answer. */
class RespConnectionTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Test
    void largeValuesAndLargeHashesReadBackExactly() throws IOException {
        String big = "e".repeat(10 * 1024 * 1024 - 3) + "end";
        REDIS.redis().set("big", big);
        Map<String, String> fields = new HashMap<>();
        for (int k = 0; k < 20_000; k++) {
            fields.put("f" + k, "value " + k);
        }
        REDIS.redis().hset("wide", fields);
        try (RespConnection c = RespConnection.open(RedisURI.create(REDIS.uri()), TlsSettings.JVM_DEFAULT)) {
            assertEquals(big, c.call("GET", "big"));
            List<?> flat = (List<?>) c.call("HGETALL", "wide");
            Map<Object, Object> read = new HashMap<>();
            for (int k = 0; k < flat.size(); k += 2) {
                read.put(flat.get(k), flat.get(k + 1));
            }
            assertEquals(fields, read);
            assertEquals("PONG", c.call("PING"));
        }
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheFirstAnswerTimeout() throws IOException {
        try (FakeServer silent = FakeServer.silent()) {
            long t0 = System.nanoTime();
            IOException e = assertThrows(IOException.class, () -> RespConnection.open(RedisURI.create("redis://127.0.0.1:" + silent.port()), TlsSettings.JVM_DEFAULT));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("no answer within 5 s", e.getMessage());
            assertTrue(ms >= 4_500 && ms < 7_000, "gave up after " + ms + " ms");
        }
    }

    @Test
    void aTlsHandshakeThatNeverCompletesFailsWithinTheTimeout() throws IOException {
        try (FakeServer silent = FakeServer.silent()) {
            long t0 = System.nanoTime();
            IOException e = assertThrows(IOException.class, () -> RespConnection.open(RedisURI.create("rediss://127.0.0.1:" + silent.port()), TlsSettings.JVM_DEFAULT));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("no TLS handshake within 5 s", e.getMessage());
            assertTrue(ms < 7_000, "gave up after " + ms + " ms");
        }
    }
}
