package com.mt5ops.console.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A private Redis on a free loopback port, for the demo and the tests: `redis-server` from the PATH, else the
 * binary that embedded-redis ships. Can be killed and restarted on the same port to rehearse faults.
 */
public final class LocalRedisServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRedisServer.class);

    private final Path binary;
    private final int port;
    private final List<String> extraArgs;
    private Process process;

    private LocalRedisServer(Path binary, int port, List<String> extraArgs) {
        this.binary = binary;
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
    }

    /** Starts a server on a free port; {@code extraArgs} are redis-server options such as "--notify-keyspace-events", "Kghsx". */
    public static LocalRedisServer start(List<String> extraArgs) throws IOException {
        LocalRedisServer server = new LocalRedisServer(findBinary(), freePort(), extraArgs);
        server.launch();
        return server;
    }

    /**
     * Starts the binary embedded-redis ships (Redis 6.2) even where a newer redis-server is on the PATH, for tests
     * of what older servers do (no {@code redis.acl_check_cmd} in scripts).
     */
    public static LocalRedisServer startEmbedded(List<String> extraArgs) throws IOException {
        LocalRedisServer server = new LocalRedisServer(embeddedBinary(), freePort(), extraArgs);
        server.launch();
        return server;
    }

    /** Reserves a free port without starting anything yet; {@link #restart()} starts it (tests of a late Redis). */
    public static LocalRedisServer prepare(List<String> extraArgs) throws IOException {
        return new LocalRedisServer(findBinary(), freePort(), extraArgs);
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Starts again on the same port, empty, with the same options. */
    public void restart() throws IOException {
        launch();
    }

    private void launch() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"));
        cmd.addAll(extraArgs);
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(binary + " exited with code " + process.exitValue() + " on port " + port);
            }
            if (answersPing()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting Redis", e);
            }
        }
        process.destroyForcibly();
        throw new IOException("Redis did not answer on port " + port + " within 10 s");
    }

    private boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[7];
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    static Path findBinary() throws IOException {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "redis-server");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        try {
            Path embedded = embeddedBinary();
            LOG.info("redis-server is not on the PATH; using the embedded binary {}", embedded);
            return embedded;
        } catch (IOException e) {
            throw new IOException("no Redis server available: install redis-server (e.g. apt-get install redis-server)", e);
        }
    }

    private static Path embeddedBinary() throws IOException {
        try {
            File embedded = ExecutableProvider.newJarResourceProvider().get();
            embedded.setExecutable(true);
            return embedded.toPath();
        } catch (IOException | RuntimeException e) {
            throw new IOException("the embedded Redis binary is not available for this platform", e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL if it lingers). */
    @Override
    public void close() {
        if (process == null) {
            return;
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
    }
}
