package com.mt5ops.console.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real `redis-server` speaking TLS on a free loopback port, with a certificate and CA the test made
 * ({@link TestCertificates}), requiring client certificates or not. It also listens for plain RESP on a second
 * loopback port, used only by the test itself to seed and inspect ({@link #redis()}); the console under test is
 * given the TLS port. Started when this returns (the server answers), stopped by {@link #close()}.
 */
public final class TlsRedis implements AutoCloseable {
    private final Process process;
    private final int tlsPort;
    private final int plainPort;
    private final Path log;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    private TlsRedis(Process process, int tlsPort, int plainPort, Path log) {
        this.process = process;
        this.tlsPort = tlsPort;
        this.plainPort = plainPort;
        this.log = log;
    }

    /** {@code cert}/{@code key}: the server's; {@code ca}: what it checks client certificates against. */
    public static TlsRedis start(Path cert, Path key, Path ca, boolean authClients, String... extraArgs) throws IOException {
        int tls = freePort();
        int plain = freePort();
        Path log = Files.createTempFile("tls-redis-", ".log");
        List<String> cmd = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(plain), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--tls-port", Integer.toString(tls), "--tls-cert-file", cert.toString(), "--tls-key-file", key.toString(),
                "--tls-ca-cert-file", ca.toString(), "--tls-auth-clients", authClients ? "yes" : "no"));
        cmd.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        TlsRedis server = new TlsRedis(p, tls, plain, log);
        try {
            server.awaitAnswer();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public int tlsPort() {
        return tlsPort;
    }

    public int plainPort() {
        return plainPort;
    }

    /** rediss:// to the TLS port at 127.0.0.1. */
    public String uri() {
        return uri("127.0.0.1");
    }

    /** rediss:// to the TLS port under another name for this machine (e.g. "localhost"). */
    public String uri(String host) {
        return "rediss://" + host + ":" + tlsPort + "/0";
    }

    /** For the test's own seeding and checks: Lettuce over the plain port. */
    public synchronized RedisCommands<String, String> redis() {
        if (connection == null) {
            client = RedisClient.create("redis://127.0.0.1:" + plainPort + "/0");
            connection = client.connect();
        }
        return connection.sync();
    }

    private void awaitAnswer() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server with TLS exited: " + Files.readString(log));
            }
            if (pong() && listens(tlsPort)) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new IOException("redis-server with TLS did not answer within 10 s: " + Files.readString(log));
    }

    private boolean pong() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), plainPort), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return in.read() == '+';
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean listens(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
