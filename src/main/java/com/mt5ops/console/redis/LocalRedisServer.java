package com.mt5ops.console.redis;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A private Redis on a free loopback port, for the demo and the tests: `redis-server` from the PATH, else the
 * binary that embedded-redis ships. Bound to 127.0.0.1 in protected mode and, unless a test asks otherwise, with a
 * random password made at start and kept in memory: it reaches the server through its standard input, never its
 * command line. Before use, the console checks that what answers on the port is the process it started. Can be
 * killed and restarted on the same port (same password) to rehearse faults.
 */
public final class LocalRedisServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRedisServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path binary;
    private final int port;
    private final List<String> extraArgs;
    private final String password; // null: none, for tests that need a plain server
    private Path dir; // its own working folder: no file of another server is loaded, none lands where the app runs
    private Process process;

    private LocalRedisServer(Path binary, int port, List<String> extraArgs, boolean withPassword) {
        this(binary, port, extraArgs, withPassword ? newPassword() : null);
    }

    private LocalRedisServer(Path binary, int port, List<String> extraArgs, String password) {
        this.binary = binary;
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
        this.password = password;
    }

    /**
     * Starts a server with a fresh random password on a free port; {@code extraArgs} are redis-server options such
     * as "--notify-keyspace-events", "Kghsx".
     */
    public static LocalRedisServer start(List<String> extraArgs) throws IOException {
        return startOn(freePort(), true, extraArgs);
    }

    /** Starts a server without a password (tests that need a plain one); still loopback only, and still checked. */
    public static LocalRedisServer startWithoutPassword(List<String> extraArgs) throws IOException {
        return startOn(freePort(), false, extraArgs);
    }

    /**
     * Starts a server with the same password as {@code other} (the nodes of a private cluster: its client authenticates
     * to every node with the one password).
     */
    public static LocalRedisServer startSharingPassword(LocalRedisServer other, List<String> extraArgs) throws IOException {
        LocalRedisServer server = new LocalRedisServer(findBinary(), freePort(), extraArgs, other.password);
        server.launch();
        return server;
    }

    /** Reserves a free port and a password without starting anything yet; {@link #restart()} starts it (tests of a late Redis). */
    public static LocalRedisServer prepare(List<String> extraArgs) throws IOException {
        return new LocalRedisServer(findBinary(), freePort(), extraArgs, true);
    }

    /** On a given port: what the public starts do, and how a test puts something else there first. */
    static LocalRedisServer startOn(int port, boolean withPassword, List<String> extraArgs) throws IOException {
        LocalRedisServer server = new LocalRedisServer(findBinary(), port, extraArgs, withPassword);
        server.launch();
        return server;
    }

    /**
     * Starts the binary embedded-redis ships (Redis 6.2) even where a newer redis-server is on the PATH, for tests
     * of what older servers do (no {@code redis.acl_check_cmd} in scripts). No password: tests only.
     */
    public static LocalRedisServer startEmbedded(List<String> extraArgs) throws IOException {
        LocalRedisServer server = new LocalRedisServer(embeddedBinary(), freePort(), extraArgs, false);
        server.launch();
        return server;
    }

    public int port() {
        return port;
    }

    /**
     * The URI with the password in it, for this process's own clients (the demo's, the tests'). Never to show,
     * log or store: {@link #address()} is the form for that, and {@link #endpoint()} keeps the password out of text.
     */
    public String uri() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port + "/0";
    }

    /** The URI without the password. */
    public String address() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** The endpoint with its password: its display and remembered forms carry none. */
    public RedisEndpoint endpoint() {
        return RedisEndpoint.parse(address(), password);
    }

    public boolean hasPassword() {
        return password != null;
    }

    public long pid() {
        return process.pid();
    }

    /** How the process ended ("exit code 1", "killed by signal 9"), or "running". */
    public String exitStatus() {
        if (process == null || process.isAlive()) {
            return "running";
        }
        int code = process.exitValue();
        return code > 128 ? "killed by signal " + (code - 128) : "exit code " + code;
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

    /** Starts again on the same port, empty, with the same options and password. */
    public void restart() throws IOException {
        launch();
    }

    private void launch() throws IOException {
        // "-" first: the rest of the configuration comes on standard input, where `ps` does not show it
        if (dir == null) {
            dir = Files.createTempDirectory("mt5-redis-",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        }
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-", "--dir", dir.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--protected-mode", "yes", "--save", "", "--appendonly", "no", "--daemonize", "no"));
        cmd.addAll(extraArgs);
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream config = process.getOutputStream()) {
            if (password != null) {
                config.write(("requirepass " + password + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw new IOException(binary + " did not take its configuration on port " + port, e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(binary + " exited with code " + process.exitValue() + " on port " + port
                        + " (is the port taken?)");
            }
            ServerIdentity.Answer answer = ServerIdentity.ask(port, password, process.pid());
            if (answer.ours()) {
                return;
            }
            if (answer.foreign()) {
                process.destroyForcibly();
                throw new IOException("port " + port + " on 127.0.0.1 is answered by a server this console did not start ("
                        + answer.foreignBecause() + "); not using it");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IOException("interrupted while starting Redis", e);
            }
        }
        process.destroyForcibly();
        throw new IOException("Redis did not answer on port " + port + " within 10 s");
    }

    private static String newPassword() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
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
        deleteDir();
    }

    private void deleteDir() {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temporary folder; the OS cleans it up eventually
        }
    }
}
