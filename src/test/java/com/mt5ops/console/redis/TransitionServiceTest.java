package com.mt5ops.console.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.ExpectedState;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TransitionServiceTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    private final TransitionTable table = new TransitionTable();

    private static TransitionRequest request(String id, String from, InstanceState to, boolean restart, String who) {
        return new TransitionRequest(id, ExpectedState.is(from), to, restart, who, "test-host", "race");
    }

    @Test
    void raceOfManyOperatorsHasExactlyOneWinner() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        int clients = 16;
        List<RedisConnector> connectors = new ArrayList<>();
        List<TransitionService> services = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            RedisConnector connector = new RedisConnector(RedisEndpoint.parse(REDIS.uri()));
            connectors.add(connector);
            services.add(new TransitionService(connector, table));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<TransitionResult>> results = new ArrayList<>();
        InstanceState[] targets = {InstanceState.STOPPED, InstanceState.CRASHED, InstanceState.RESTARTING};
        for (int c = 0; c < clients; c++) {
            TransitionService s = services.get(c);
            InstanceState to = targets[c % targets.length];
            String who = "op" + c;
            results.add(pool.submit(() -> {
                go.await();
                return s.apply(request(id, "running", to, to == InstanceState.RESTARTING, who)).join();
            }));
        }
        go.countDown();
        List<TransitionResult> done = new ArrayList<>();
        int conflicts = 0;
        for (Future<TransitionResult> f : results) {
            TransitionResult res = f.get();
            if (res.outcome() == Outcome.DONE) {
                done.add(res);
            } else {
                assertEquals(Outcome.CONFLICT, res.outcome(), res.message());
                conflicts++;
            }
        }
        pool.shutdown();
        services.forEach(TransitionService::close);
        connectors.forEach(RedisConnector::close);
        assertEquals(1, done.size());
        assertEquals(clients - 1, conflicts);
        String winner = done.get(0).stateNow();
        assertEquals(winner, r.hget("instance:" + id, "state"));
        assertEquals(1L, r.xlen("console:audit"));
        assertEquals(winner, r.xrange("console:audit", io.lettuce.core.Range.create("-", "+")).get(0).getBody().get("to"));
        assertEquals(List.of(winner), statesHolding(r, id));
    }

    @Test
    void indexStaysExactAfterThousandsOfRandomConcurrentTransitions() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            ids.add(Fixtures.instance(r, "running"));
        }
        int threads = 6;
        int perThread = 500;
        AtomicInteger doneCount = new AtomicInteger();
        Map<String, AtomicInteger> restarts = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        try (RedisConnector connector = new RedisConnector(RedisEndpoint.parse(REDIS.uri()))) {
            for (int t = 0; t < threads; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    try (TransitionService s = new TransitionService(connector, table);
                         var reader = connector.connect()) {
                        for (int k = 0; k < perThread; k++) {
                            String id = ids.get(random.nextInt(ids.size()));
                            String seen = reader.sync().hget("instance:" + id, "state");
                            InstanceState to = InstanceState.values()[random.nextInt(4)];
                            boolean restart = to == InstanceState.RESTARTING;
                            TransitionResult res = s.apply(request(id, seen, to, restart, "bot")).join();
                            if (res.outcome() == Outcome.DONE) {
                                doneCount.incrementAndGet();
                                if (restart) {
                                    restarts.computeIfAbsent(id, x -> new AtomicInteger()).incrementAndGet();
                                }
                            } else {
                                assertTrue(res.outcome() == Outcome.CONFLICT || res.outcome() == Outcome.NOT_ALLOWED, res.message());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        pool.shutdown();
        assertTrue(doneCount.get() > 100, "enough transitions happened: " + doneCount.get());
        for (String id : ids) {
            String state = r.hget("instance:" + id, "state");
            assertEquals(List.of(state), statesHolding(r, id), "index of " + id);
            int expectedRestarts = 2 + restarts.getOrDefault(id, new AtomicInteger()).get();
            assertEquals(Integer.toString(expectedRestarts), r.hget("instance_health:" + id, "restart_count"));
        }
        long indexed = 0;
        for (InstanceState s : InstanceState.values()) {
            indexed += r.scard("instance:state:" + s.wire());
        }
        assertEquals(ids.size(), indexed);
        assertEquals(doneCount.get(), r.xlen("console:audit").intValue());
    }

    @Test
    void userWithoutWriteRightsIsDeniedAndNothingChanges() {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        Map<String, String> before = new HashMap<>(r.hgetall("instance:" + id));
        r.aclSetuser("viewer", io.lettuce.core.AclSetuserArgs.Builder.on().addPassword("secret").allKeys().allChannels()
                .addCommand(io.lettuce.core.protocol.CommandType.EVALSHA)
                .addCommand(io.lettuce.core.protocol.CommandType.EVAL)
                .addCommand(io.lettuce.core.protocol.CommandType.HGET)
                .addCommand(io.lettuce.core.protocol.CommandType.TYPE)
                .addCommand(io.lettuce.core.protocol.CommandType.PING)
                .addCommand(io.lettuce.core.protocol.CommandType.HELLO)
                .addCommand(io.lettuce.core.protocol.CommandType.AUTH)
                .addCommand(io.lettuce.core.protocol.CommandType.CLIENT));
        String uri = "redis://viewer:secret@127.0.0.1:" + REDIS.server().port() + "/0";
        try (RedisConnector connector = new RedisConnector(RedisEndpoint.parse(uri));
             TransitionService s = new TransitionService(connector, table)) {
            TransitionResult res = s.apply(request(id, "running", InstanceState.STOPPED, false, "eve")).join();
            assertEquals(Outcome.DENIED, res.outcome(), res.message());
        }
        r.aclSetuser("viewer", io.lettuce.core.AclSetuserArgs.Builder.on().addPassword("secret").allKeys().allChannels()
                .addCommand(io.lettuce.core.protocol.CommandType.HGET)
                .addCommand(io.lettuce.core.protocol.CommandType.TYPE)
                .addCommand(io.lettuce.core.protocol.CommandType.PING)
                .addCommand(io.lettuce.core.protocol.CommandType.HELLO)
                .addCommand(io.lettuce.core.protocol.CommandType.CLIENT));
        try (RedisConnector connector = new RedisConnector(RedisEndpoint.parse(uri));
             TransitionService s = new TransitionService(connector, table)) {
            TransitionResult res = s.apply(request(id, "running", InstanceState.STOPPED, false, "eve")).join();
            assertEquals(Outcome.DENIED, res.outcome(), res.message());
        }
        assertEquals(before, r.hgetall("instance:" + id));
        assertEquals(List.of("running"), statesHolding(r, id));
        assertEquals(0, r.exists("console:audit"));
    }

    @Test
    void writerRejectsAtOnceWhileRedisIsDown() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        String id = Fixtures.instance(r, "running");
        try (RedisConnector connector = new RedisConnector(RedisEndpoint.parse(REDIS.uri()));
             TransitionService s = new TransitionService(connector, table)) {
            REDIS.server().kill();
            TransitionResult res = s.apply(request(id, "running", InstanceState.STOPPED, false, "late")).join();
            assertEquals(Outcome.UNAVAILABLE, res.outcome(), res.message());
            REDIS.server().restart();
            Fixtures.instance(REDIS.redis(), id, "running");
            // Give the writer's own reconnect the chance to replay anything it buffered, then look.
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < deadline && !s.apply(request(Fixtures.newId(), "", InstanceState.RUNNING, false, "probe")).join().outcome().equals(Outcome.NOT_FOUND)) {
                Thread.onSpinWait();
            }
            assertEquals("running", REDIS.redis().hget("instance:" + id, "state"), "the rejected click was never replayed");
            assertEquals(0, REDIS.redis().exists("console:audit"));
        }
    }

    private static List<String> statesHolding(RedisCommands<String, String> r, String id) {
        List<String> out = new ArrayList<>();
        for (InstanceState s : InstanceState.values()) {
            if (r.sismember("instance:state:" + s.wire(), id)) {
                out.add(s.wire());
            }
        }
        return out;
    }
}
