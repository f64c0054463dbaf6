package com.mt5ops.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mt5ops.console.model.ExpectedState;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.redis.TlsSettings;
import com.mt5ops.console.sync.ConnectionState;
import com.mt5ops.console.sync.FleetMirror;
import com.mt5ops.console.sync.MirrorConfig;
import com.mt5ops.console.sync.MirrorRights;
import com.mt5ops.console.testing.Await;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.TestCertificates;
import com.mt5ops.console.testing.TlsRedis;
import com.mt5ops.console.ui.settings.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's connections over TLS, built as `gui` builds them: endpoint, connector, live mirror and write gateway. */
class GuiTlsTest {
    @TempDir
    static Path dir;
    static TestCertificates certs;
    static TlsRedis mutual;

    @BeforeAll
    static void start() throws Exception {
        certs = TestCertificates.create(dir);
        mutual = TlsRedis.start(certs.serverCert(), certs.serverKey(), certs.ca(), true, "--notify-keyspace-events", "Kghsx");
    }

    @AfterAll
    static void stop() {
        if (mutual != null) {
            mutual.close();
        }
    }

    private static RedisEndpoint endpoint(TlsSettings tls) {
        return GuiEndpoint.resolve(mutual.uri(), false, Settings.defaults(), Map.<String, String>of()::get, tls);
    }

    private static FleetMirror mirror(RedisConnector connector) {
        return new FleetMirror(connector, new InstanceParser(FreshnessPolicy.defaults()), MirrorConfig.defaults(),
                Clock.systemUTC(), new MirrorRights(true, true));
    }

    @Test
    void theLiveMirrorAndTheWritesUseTheClientCertificate() {
        String id = Fixtures.instance(mutual.redis(), "crashed");
        TlsSettings tls = TlsSettings.load(certs.ca(), certs.clientCert(), certs.clientKey());
        try (RedisConnector connector = new RedisConnector(endpoint(tls)); FleetMirror mirror = mirror(connector);
             WriteGateway gateway = new WriteGateway(connector, new TransitionTable(), Runnable::run)) {
            mirror.start();
            Await.until(Duration.ofSeconds(15), () -> mirror.stats().state() == ConnectionState.LIVE && mirror.get(id) != null,
                    () -> "mirror " + mirror.stats());
            TransitionResult done = gateway.apply(new TransitionRequest(id, ExpectedState.is("crashed"), InstanceState.RUNNING,
                    false, "alice", "host", "over TLS")).join();
            assertEquals(TransitionResult.Outcome.DONE, done.outcome(), done.message());
            Await.until(Duration.ofSeconds(5), () -> "running".equals(mirror.get(id).rawState()),
                    () -> "the mirror heard the change: " + mirror.get(id).raw());
        }
    }

    @Test
    void aServerCertificateItDoesNotTrustShowsAsDisconnectedWithTheReason() {
        TlsSettings tls = TlsSettings.load(certs.otherCa(), certs.clientCert(), certs.clientKey());
        try (RedisConnector connector = new RedisConnector(endpoint(tls)); FleetMirror mirror = mirror(connector)) {
            mirror.start();
            Await.until(Duration.ofSeconds(10), () -> mirror.stats().state() == ConnectionState.DISCONNECTED
                    && mirror.stats().reason().contains("the server's certificate is not signed by a CA you trust (--cacert)"),
                    () -> "mirror " + mirror.stats());
        }
    }

    @Test
    void withoutTheClientCertificateTheReasonSaysItIsRequired() {
        try (RedisConnector connector = new RedisConnector(endpoint(TlsSettings.load(certs.ca(), null, null)));
             FleetMirror mirror = mirror(connector)) {
            mirror.start();
            Await.until(Duration.ofSeconds(10), () -> mirror.stats().state() == ConnectionState.DISCONNECTED
                    && mirror.stats().reason().contains("the server requires a client certificate (--cert/--key)"),
                    () -> "mirror " + mirror.stats());
        }
    }
}
