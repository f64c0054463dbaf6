package com.mt5ops.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.TestCertificates;
import com.mt5ops.console.testing.TlsRedis;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS like redis-cli: every command with --redis reaches a real TLS Redis with --cacert (and --cert/--key where the
 * server requires a client certificate), and each way TLS can fail is one line and exit 5.
 */
class TlsCommandTest {
    @TempDir
    static Path dir;
    static TestCertificates certs;
    /** Does not ask for client certificates. */
    static TlsRedis open;
    /** Requires a client certificate signed by the CA (--tls-auth-clients yes). */
    static TlsRedis mutual;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        certs = TestCertificates.create(dir);
        open = TlsRedis.start(certs.serverCert(), certs.serverKey(), certs.ca(), false, "--notify-keyspace-events", "Kghsx");
        mutual = TlsRedis.start(certs.serverCert(), certs.serverKey(), certs.ca(), true, "--notify-keyspace-events", "Kghsx");
    }

    @AfterAll
    static void stop() {
        if (open != null) {
            open.close();
        }
        if (mutual != null) {
            mutual.close();
        }
    }

    @BeforeEach
    void empty() {
        open.redis().flushall();
        mutual.redis().flushall();
    }

    private static CliRun run(String command, String uri, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--redis", uri));
        args.addAll(List.of(more));
        return bounded(args.toArray(new String[0]));
    }

    /** A command that hangs fails its test (join() would not hear the default timeout's interrupt). */
    private static CliRun bounded(String... args) {
        try {
            return CliRun.start(args).result().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(String.join(" ", args) + " still running after 30 s", e);
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    private static String[] ca() {
        return new String[] {"--cacert", certs.ca().toString()};
    }

    private static String[] client(String... more) {
        List<String> args = new ArrayList<>(List.of("--cacert", certs.ca().toString(), "--cert", certs.clientCert().toString(),
                "--key", certs.clientKey().toString()));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    private static String[] with(String[] first, String... more) {
        List<String> args = new ArrayList<>(List.of(first));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    @Test
    void snapshotAndWatchReadTheFleetOverTlsTrustingTheGivenCa() throws Exception {
        String id = Fixtures.instance(open.redis(), "running");
        CliRun snapshot = run("snapshot", open.uri(), ca());
        assertEquals(0, snapshot.exitCode(), snapshot.err());
        assertEquals(id, json.readTree(snapshot.out()).get("instances").get(0).get("instance_id").asText());
        CliRun viaName = run("snapshot", open.uri("localhost"), ca());
        assertEquals(0, viaName.exitCode(), viaName.err());
        CliRun watch = run("watch", open.uri(), with(ca(), "--seconds", "3", "--format", "json"));
        assertEquals(0, watch.exitCode(), watch.err());
        JsonNode watched = json.readTree(watch.out());
        assertEquals(id, watched.get("instances").get(0).get("instance_id").asText());
        assertEquals("LIVE", watched.get("stats").get("mode").asText(), watch.out());
    }

    @Test
    void transitionCheckAndSimulateWriteOverTls() {
        String id = Fixtures.instance(open.redis(), "running");
        CliRun transition = run("transition", open.uri(), with(ca(), "--id", id, "--to", "stopped", "--reason", "tls"));
        assertEquals(0, transition.exitCode(), transition.err());
        assertEquals("stopped", open.redis().hget("instance:" + id, "state"));
        CliRun check = run("check", open.uri(), ca());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("1 instances, 0 problems"), check.out());
        open.redis().flushall();
        CliRun simulate = run("simulate", open.uri(), with(ca(), "--instances", "5", "--seconds", "0"));
        assertEquals(0, simulate.exitCode(), simulate.err());
        assertEquals(5, open.redis().scard("console:simulated"));
    }

    @Test
    void everyCommandPresentsTheClientCertificateWhereTheServerRequiresOne() throws Exception {
        String id = Fixtures.instance(mutual.redis(), "crashed");
        CliRun snapshot = run("snapshot", mutual.uri(), client());
        assertEquals(0, snapshot.exitCode(), snapshot.err());
        CliRun watch = run("watch", mutual.uri(), client("--seconds", "3"));
        assertEquals(0, watch.exitCode(), watch.err());
        assertEquals(id, json.readTree(watch.out()).get("instances").get(0).get("instance_id").asText());
        CliRun mark = run("mark-restart", mutual.uri(), client("--id", id, "--reason", "tls"));
        assertEquals(0, mark.exitCode(), mark.err());
        assertEquals("restarting", mutual.redis().hget("instance:" + id, "state"));
        CliRun check = run("check", mutual.uri(), client());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        mutual.redis().flushall();
        CliRun simulate = run("simulate", mutual.uri(), client("--instances", "3", "--seconds", "0"));
        assertEquals(0, simulate.exitCode(), simulate.err());
    }

    @Test
    void withoutAClientCertificateTheServerThatRequiresOneIsNamedAsTheReason() {
        for (String command : List.of("snapshot", "check")) {
            assertFails(run(command, mutual.uri(), ca()), "the server requires a client certificate (--cert/--key)");
        }
    }

    @Test
    void aServerCertificateFromAnotherCaIsNotTrusted() {
        for (String command : List.of("snapshot", "check")) {
            assertFails(run(command, open.uri(), "--cacert", certs.otherCa().toString()),
                    "the server's certificate is not signed by a CA you trust (--cacert)");
        }
        // Without --cacert only the JVM's CAs are trusted, as before.
        assertFails(run("snapshot", open.uri()), "the server's certificate is not signed by a CA you trust (--cacert)");
    }

    @Test
    void aCertificateForAnotherHostNamesBothHosts() throws Exception {
        try (TlsRedis elsewhere = TlsRedis.start(certs.otherHostCert(), certs.otherHostKey(), certs.ca(), false)) {
            for (String command : List.of("snapshot", "transition")) {
                CliRun r = command.equals("snapshot") ? run(command, elsewhere.uri(), ca())
                        : run(command, elsewhere.uri(), with(ca(), "--id", Fixtures.newId(), "--to", "stopped"));
                assertFails(r, "the certificate is for otherhost, not for host 127.0.0.1");
            }
        }
    }

    @Test
    void tlsToAPlainPortSaysToUseRedisScheme() {
        String plain = "rediss://127.0.0.1:" + open.plainPort() + "/0";
        for (String command : List.of("snapshot", "check")) {
            assertFails(run(command, plain, ca()), "no TLS on 127.0.0.1:" + open.plainPort() + "; use redis://");
        }
    }

    @Test
    void plainRespToATlsPortSaysToUseRedissScheme() {
        String plain = "redis://127.0.0.1:" + open.tlsPort() + "/0";
        for (String command : List.of("snapshot", "check")) {
            assertFails(run(command, plain), "127.0.0.1:" + open.tlsPort() + " speaks TLS; use rediss://");
        }
    }

    @Test
    void aHandshakeThatNeverCompletesEndsSnapshotAndWatchWithinTenSeconds() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String uri = "rediss://127.0.0.1:" + silent.getLocalPort() + "/0";
            for (String[] args : List.of(new String[] {"snapshot", "--redis", uri}, new String[] {"watch", "--redis", uri, "--seconds", "60"})) {
                long t0 = System.nanoTime();
                CliRun r = bounded(args);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(5, r.exitCode(), args[0] + ": " + r.out() + r.err());
                assertEquals(1, r.errLines(), r.err());
                assertTrue(r.err().contains("cannot connect to " + uri + ": no TLS handshake within "), r.err());
                assertTrue(ms < 12_000, args[0] + " took " + ms + " ms (the design's bound is 10 s)");
            }
        }
    }

    @Test
    void tlsFilesThatCannotBeUsedAreAUsageErrorNamingTheFile() throws Exception {
        Path notPem = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
        String[][] cases = {
            {"--cacert", dir.resolve("missing.pem").toString()},
            {"--cacert", notPem.toString()},
            {"--cacert", certs.ca().toString(), "--cert", certs.clientCert().toString()},
            {"--cert", certs.clientCert().toString(), "--key", certs.serverKey().toString()},
            {"--cert", certs.clientCert().toString(), "--key", certs.clientCert().toString()},
        };
        String[] expected = {"missing.pem: no such file", "notes.txt: not a PEM file", "--cert needs --key",
            "is not the private key of the certificate", "no PEM private key"};
        for (int i = 0; i < cases.length; i++) {
            CliRun r = run("snapshot", open.uri(), cases[i]);
            assertEquals(2, r.exitCode(), String.join(" ", cases[i]) + ": " + r.err());
            assertEquals(1, r.errLines(), r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
        }
        CliRun plainScheme = run("check", "redis://127.0.0.1:" + open.plainPort() + "/0", ca());
        assertEquals(2, plainScheme.exitCode(), plainScheme.err());
        assertTrue(plainScheme.err().contains("use rediss://"), plainScheme.err());
    }

    @Test
    void verifyPeerIsRejectedTheSameForEveryCommand() {
        for (String command : List.of("snapshot", "check")) {
            for (String value : List.of("NONE", "CA")) {
                CliRun r = run(command, open.uri() + "?verifyPeer=" + value, ca());
                assertEquals(2, r.exitCode(), r.err());
                assertEquals(1, r.errLines(), r.err());
                assertTrue(r.err().contains("?verifyPeer=" + value + " is not supported: the console always verifies the server's "
                        + "certificate and host name"), r.err());
            }
            assertEquals(2, run(command, open.uri() + "?verifyPeer=false", ca()).exitCode(), "not a value Lettuce knows");
        }
    }

    private static void assertFails(CliRun run, String line) {
        assertEquals(5, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().contains(line), "expected '" + line + "' in: " + run.err());
    }
}
