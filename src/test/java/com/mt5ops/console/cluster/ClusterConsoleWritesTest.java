package com.mt5ops.console.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.app.WriteGateway;
import com.mt5ops.console.model.AuditEntry;
import com.mt5ops.console.model.BrokerRename;
import com.mt5ops.console.model.BrokerRenameResult;
import com.mt5ops.console.model.ExpectedState;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.redis.BrokerNameReader;
import com.mt5ops.console.redis.Capabilities;
import com.mt5ops.console.redis.InterruptedTransitions;
import com.mt5ops.console.redis.RecoveryReport;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.redis.TransitionKeys;
import com.mt5ops.console.sync.ConnectionState;
import com.mt5ops.console.sync.FleetFeed;
import com.mt5ops.console.sync.FleetMirror;
import com.mt5ops.console.sync.HistorySeries;
import com.mt5ops.console.sync.MirrorBatch;
import com.mt5ops.console.sync.MirrorConfig;
import com.mt5ops.console.sync.MirrorListener;
import com.mt5ops.console.sync.MirrorRights;
import com.mt5ops.console.sync.MirrorStats;
import com.mt5ops.console.testing.Await;
import com.mt5ops.console.testing.Fixtures;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The window's write path on a real three-master Redis Cluster ({@link WriteGateway}): transitions by the slot-safe
 * steps with one winner in a race, the audit trail, the recovery pass when a console that may write starts and after
 * its mirror reconnects, and broker renames that keep "audit first" across slots.
 */
class ClusterConsoleWritesTest {
    @RegisterExtension
    static final ClusterData data = new ClusterData();
    private final ExecutorService io = Executors.newFixedThreadPool(2);
    private final TransitionTable table = new TransitionTable();

    @AfterEach
    void stopPool() {
        io.shutdownNow();
    }

    private RedisConnector connector() {
        return new RedisConnector(RedisEndpoint.parse(data.uri()));
    }

    private static TransitionRequest request(String id, String from, InstanceState to, String operator) {
        return new TransitionRequest(id, ExpectedState.is(from), to, to == InstanceState.RESTARTING, operator, "test-host", "cluster test");
    }

    @Test
    void eightConsolesRacingOneTransitionHaveExactlyOneWinner() {
        String id = Fixtures.instance(data.r(), "running");
        InstanceState[] targets = {InstanceState.STOPPED, InstanceState.CRASHED, InstanceState.RESTARTING};
        List<WriteGateway> gateways = new ArrayList<>();
        try (RedisConnector connector = connector()) {
            for (int k = 0; k < 8; k++) {
                gateways.add(new WriteGateway(connector, table, io));
            }
            CompletableFuture<Void> go = new CompletableFuture<>();
            List<CompletableFuture<TransitionResult>> results = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                WriteGateway g = gateways.get(k);
                TransitionRequest r = request(id, "running", targets[k % targets.length], "operator-" + k);
                results.add(go.thenCompose(x -> g.apply(r)));
            }
            go.complete(null);
            List<TransitionResult> all = results.stream().map(CompletableFuture::join).toList();

            List<TransitionResult> won = all.stream().filter(r -> r.outcome() == Outcome.DONE).toList();
            assertEquals(1, won.size(), all.toString());
            assertTrue(all.stream().filter(r -> r.outcome() != Outcome.DONE).allMatch(r -> r.outcome() == Outcome.CONFLICT), all.toString());
            String state = won.get(0).stateNow();
            assertEquals(state, data.r().hget(KeySchema.instanceKey(id), "state"));
            assertEquals(List.of(state), data.statesHolding(id));
            List<StreamMessage<String, String>> audit = data.audit(id);
            assertEquals(1, audit.size(), "one audit entry: the winner's");
            assertEquals(state, audit.get(0).getBody().get("to"));
            assertEquals(state.equals("restarting") ? "3" : "2", data.r().hget(KeySchema.healthKey(id), "restart_count"));
            assertEquals(0L, data.r().exists(TransitionKeys.pending(id)));

            List<AuditEntry> trail = gateways.get(0).audit(id).join();
            assertEquals(1, trail.size(), "the detail pane's trail reads the stream on its master");
            assertEquals(audit.get(0).getBody().get("operator"), trail.get(0).operator());
        } finally {
            gateways.forEach(WriteGateway::close);
        }
    }

    @Test
    void aConsoleThatMayWriteCompletesAnInterruptedTransitionWhenItStarts() {
        String id = Fixtures.instance(data.r(), "crashed");
        InterruptedTransitions.decideOnly(data.connection.async(), id, "crashed", InstanceState.RESTARTING, "alice");
        // as `gui` wires them: the rights come from the mirror, and a console that may write runs the recovery pass
        try (RedisConnector connector = connector();
             FleetMirror mirror = new FleetMirror(connector, new InstanceParser(FreshnessPolicy.defaults()), MirrorConfig.defaults(),
                     Clock.systemUTC(), MirrorRights.of(false, false));
             WriteGateway gateway = new WriteGateway(connector, table, io, mirror.access().capabilities())) {
            mirror.start();
            gateway.recoverNowAndAfterReconnects(mirror);
            Await.until(Duration.ofSeconds(20), () -> data.r().exists(TransitionKeys.pending(id)) == 0, () -> "the pending record stays");
        }
        assertCompletedRestart(id, "alice");
    }

    @Test
    void aConsoleRunsTheRecoveryPassAgainAfterItsMirrorReconnects() {
        FakeFeed feed = new FakeFeed();
        String early = Fixtures.instance(data.r(), "running");
        InterruptedTransitions.decideOnly(data.connection.async(), early, "running", InstanceState.RESTARTING, "alice");
        try (RedisConnector connector = connector(); WriteGateway gateway = new WriteGateway(connector, table, io)) {
            gateway.recoverNowAndAfterReconnects(feed);
            Await.until(Duration.ofSeconds(20), () -> data.r().exists(TransitionKeys.pending(early)) == 0, () -> "not recovered at start");
            feed.publish(0, true);
            String late = Fixtures.instance(data.r(), "running");
            // another console dies mid-transition while this one's connection is down
            InterruptedTransitions.decideOnly(data.connection.async(), late, "running", InstanceState.RESTARTING, "bob");
            feed.publish(0, true);
            Await.holds(Duration.ofMillis(500), () -> data.r().exists(TransitionKeys.pending(late)) == 1,
                    () -> "recovered without a reconnect");

            feed.publish(1, false); // reconnected: the pass waits for the resync after it
            feed.publish(1, true);
            Await.until(Duration.ofSeconds(10), () -> data.r().exists(TransitionKeys.pending(late)) == 0, () -> "not recovered after the reconnect");
            assertCompletedRestart(late, "bob");
            assertCompletedRestart(early, "alice");
        }
    }

    @Test
    void aConsoleThatMayNotTransitionSendsNoRecovery() {
        String id = Fixtures.instance(data.r(), "running");
        InterruptedTransitions.decideOnly(data.connection.async(), id, "running", InstanceState.STOPPED, "alice");
        Map<String, String> before = data.everything();
        Capabilities viewer = new Capabilities("viewer", true, "asked", Map.of(Capabilities.Right.TRANSITION, "NOPERM"));
        try (RedisConnector connector = connector();
             WriteGateway gateway = new WriteGateway(connector, table, io, CompletableFuture.completedFuture(viewer))) {
            RecoveryReport report = gateway.recover().join();
            assertEquals(0, report.found());
        }
        assertEquals(before, data.everything());
    }

    @Test
    void brokerRenameOnAClusterWritesExactlyOneAuditEntryAndTheName() {
        String broker = Fixtures.BROKER;
        try (RedisConnector connector = connector(); WriteGateway gateway = new WriteGateway(connector, table, io)) {
            BrokerRenameResult named = gateway.renameBroker(new BrokerRename(broker, ExpectedState.MISSING, "Alpha Markets", "alice",
                    "test-host", "onboarding")).join();
            assertEquals(Outcome.DONE, named.outcome(), named.message());
            assertEquals("Alpha Markets", data.r().hget(KeySchema.BROKER_NAMES, broker));
            List<Map<String, String>> entries = brokerEntries();
            assertEquals(1, entries.size(), entries.toString());
            Map<String, String> e = entries.get(0);
            assertEquals(broker, e.get("broker_id"));
            assertEquals("", e.get("from"));
            assertEquals("Alpha Markets", e.get("to"));
            assertEquals("alice", e.get("operator"));
            assertEquals("default", e.get("redis_user"));
            assertEquals("", e.get("instance_id"));
            assertTrue(e.get("time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), e.get("time"));
            assertEquals(List.of("action", "instance_id", "broker_id", "from", "to", "reason", "restart_count", "operator", "redis_user",
                    "host", "time"), List.copyOf(e.keySet()), "the fields in the single server's order");

            BrokerRenameResult stale = gateway.renameBroker(new BrokerRename(broker, ExpectedState.MISSING, "Beta", "bob", "h", "")).join();
            assertEquals(Outcome.CONFLICT, stale.outcome(), stale.message());
            assertEquals(1, brokerEntries().size(), "a refused rename writes no entry");

            BrokerRenameResult removed = gateway.renameBroker(new BrokerRename(broker, ExpectedState.is("Alpha Markets"), "", "bob", "h", "")).join();
            assertEquals(Outcome.DONE, removed.outcome(), removed.message());
            assertFalse(data.r().hexists(KeySchema.BROKER_NAMES, broker));
            assertEquals(2, brokerEntries().size());
        }
        data.r().hset(KeySchema.BROKER_NAMES, broker, "Gamma");
        assertEquals(Map.of(broker, "Gamma"), BrokerNameReader.readOnce(RedisEndpoint.parse(data.uri())),
                "a one-shot command reads the names on their master");
    }

    private static List<Map<String, String>> brokerEntries() {
        return data.r().xrange(KeySchema.AUDIT_STREAM, Range.create("-", "+")).stream().map(StreamMessage::getBody)
                .filter(b -> "broker-name".equals(b.get("action"))).toList();
    }

    private static void assertCompletedRestart(String id, String operator) {
        assertEquals("restarting", data.r().hget(KeySchema.instanceKey(id), "state"));
        assertEquals(List.of("restarting"), data.statesHolding(id));
        assertEquals("3", data.r().hget(KeySchema.healthKey(id), "restart_count"));
        List<StreamMessage<String, String>> audit = data.audit(id);
        assertEquals(1, audit.size());
        assertEquals(operator, audit.get(0).getBody().get("operator"));
    }

    /** A mirror's outside, to publish full syncs with a given reconnect count; Redis itself is the real cluster. */
    private static final class FakeFeed implements FleetFeed {
        private final List<MirrorListener> listeners = new CopyOnWriteArrayList<>();
        private volatile MirrorStats stats = stats(0);
        private long version;

        private static MirrorStats stats(long reconnects) {
            return new MirrorStats(ConnectionState.LIVE, null, 0, 0, 0, reconnects, 0, 0, "", "", null);
        }

        void publish(long reconnects, boolean fullSync) {
            stats = stats(reconnects);
            MirrorBatch batch = new MirrorBatch(++version, List.of(), stats, fullSync, System.currentTimeMillis());
            listeners.forEach(l -> l.onBatch(batch));
        }

        @Override
        public void addListener(MirrorListener listener) {
            listeners.add(listener);
        }

        @Override
        public MirrorStats stats() {
            return stats;
        }

        @Override
        public HistorySeries history(String id) {
            return null;
        }

        @Override
        public void requestResync() {
        }
    }
}
