package com.mt5ops.console.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The private Redis of the demo: a password nobody else has, and never a server it did not start. */
class LocalRedisServerTest {

    @Test
    void itIsTheProcessItStartedAndThePasswordIsNotOnItsCommandLine() throws Exception {
        try (LocalRedisServer server = LocalRedisServer.start(List.of());
             RedisClient client = RedisClient.create(server.uri()); StatefulRedisConnection<String, String> c = client.connect()) {
            assertTrue(server.hasPassword());
            String info = c.sync().info("server");
            assertTrue(info.contains("process_id:" + server.pid() + "\r"), info);
            String password = server.uri().replaceAll("redis://:([0-9a-f]+)@.*", "$1");
            assertEquals(64, password.length(), "256 random bits");
            Optional<String> commandLine = ProcessHandle.of(server.pid()).flatMap(p -> p.info().commandLine());
            assertTrue(commandLine.isPresent());
            assertFalse(commandLine.get().contains(password), commandLine.get());
            assertFalse(server.endpoint().display().contains(password));
            assertFalse(server.address().contains(password));
            assertTrue(server.endpoint().remembered().equals(server.address()));
        }
    }

    @Test
    void eachStartHasItsOwnPassword() throws Exception {
        try (LocalRedisServer a = LocalRedisServer.start(List.of()); LocalRedisServer b = LocalRedisServer.start(List.of())) {
            assertFalse(a.uri().replace(":" + a.port(), "").equals(b.uri().replace(":" + b.port(), "")));
        }
    }

    @Test
    void anotherRedisAlreadyOnThePortIsNotTakenForItsOwn() throws Exception {
        try (LocalRedisServer other = LocalRedisServer.startWithoutPassword(List.of())) {
            IOException refused = assertThrows(IOException.class, () -> LocalRedisServer.startOn(other.port(), true, List.of()).close());
            assertTrue(refused.getMessage().contains(Integer.toString(other.port())), refused.getMessage());
            assertTrue(other.isAlive(), "the other server is left alone");
        }
    }

    @Test
    void aServerThatAnswersPongToEverythingIsNotTakenForItsOwn() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread answering = new Thread(() -> answerPong(fake), "fake-redis");
            answering.setDaemon(true);
            answering.start();
            for (int round = 0; round < 3; round++) { // the race between its probe and its own redis-server's exit, thrice
                assertThrows(IOException.class, () -> LocalRedisServer.startOn(fake.getLocalPort(), true, List.of()).close());
                assertThrows(IOException.class, () -> LocalRedisServer.startOn(fake.getLocalPort(), false, List.of()).close());
            }
        }
    }

    private static void answerPong(ServerSocket fake) {
        while (!fake.isClosed()) {
            try {
                Socket s = fake.accept();
                Thread t = new Thread(() -> {
                    try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))) {
                        OutputStream out = s.getOutputStream();
                        while (in.readLine() != null) {
                            out.write("+PONG\r\n".getBytes(StandardCharsets.US_ASCII));
                            out.write("+OK\r\n".getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    } catch (IOException closed) {
                        // the probe hung up
                    }
                });
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }
}
