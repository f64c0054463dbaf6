package com.mt5ops.console.redis;

import com.mt5ops.console.model.HashPart;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.RawInstance;
import com.mt5ops.console.model.KeySchema.ParsedKey;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the fleet for the live mirror: SCAN (never KEYS) for `instance*`, then pipelined HGETALL / SMEMBERS,
 * with TYPE only for keys that answer WRONGTYPE (measured warm: 209 ms for 10k instances, against 291 ms for the
 * bulk-read script, which only wins cold; see {@link OneShotFleetReader}). Owns its connection (auto-flush off):
 * one thread at a time.
 */
public final class FleetLoader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetLoader.class);
    private static final long TIMEOUT_MS = Duration.ofSeconds(20).toMillis();
    private static final int SCAN_COUNT = 5_000;
    private static final int BATCH = 500;

    private final KeyConnection connection;
    private final RedisClusterAsyncCommands<String, String> async;
    private final String target;
    private final LuaScript readScript = new LuaScript("read-keys.lua");
    private final Patience patience;
    private final java.util.function.BooleanSupplier scriptsAllowed;
    private final java.util.function.Consumer<String> scriptRefused;

    public FleetLoader(RedisConnector connector) {
        this(connector, Patience.PLAIN);
    }

    /** A loader whose blocking waits run {@code patience}'s meanwhile between slices; it tries the script until refused. */
    public FleetLoader(RedisConnector connector, Patience patience) {
        this(connector, patience, new java.util.concurrent.atomic.AtomicBoolean(true));
    }

    private FleetLoader(RedisConnector connector, Patience patience, java.util.concurrent.atomic.AtomicBoolean scripts) {
        this(connector, patience, scripts::get, why -> scripts.set(false));
    }

    /**
     * {@code scripts}: whether the user may run the bulk-read script now (if not, it is not sent and reads go key by
     * key); {@code refused} hears why the server refused it after all, and must make {@code scripts} say no from then on.
     */
    public FleetLoader(RedisConnector connector, Patience patience, java.util.function.BooleanSupplier scripts,
                       java.util.function.Consumer<String> refused) {
        this.patience = patience;
        this.scriptRefused = refused;
        this.connection = connector.open();
        this.connection.autoFlush(false);
        this.async = connection.async();
        // one script may touch only one slot: on a cluster the keys are read one by one, grouped by node by Lettuce
        this.scriptsAllowed = connection.cluster() ? () -> false : scripts;
        this.target = connector.endpoint().display();
    }

    /** Everything under `instance*`. */
    public Fleet loadAll() {
        long started = System.nanoTime();
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        ScanArgs args = ScanArgs.Builder.matches(KeySchema.SCAN_PATTERN).limit(SCAN_COUNT);
        if (connection.raw() instanceof StatefulRedisClusterConnection<String, String> cluster) {
            return loadAllNodeByNode(cluster, args);
        }
        do {
            RedisFuture<KeyScanCursor<String>> page = async.scan(cursor, args);
            connection.flush();
            KeyScanCursor<String> found = await(page.toCompletableFuture());
            List<String> fresh = new ArrayList<>();
            for (String key : found.getKeys()) {
                if (seen.add(key) && KeySchema.parse(key).isPresent()) {
                    fresh.add(key);
                }
            }
            keys.addAll(fresh);
            cursor = found;
        } while (!cursor.isFinished());
        long scanned = System.nanoTime();
        FleetAssembler assembler = new FleetAssembler();
        readKeyByKey(keys, assembler);
        long collected = System.nanoTime();
        Fleet fleet = assembler.build(null);
        LOG.debug("loadAll: {} keys, scan {} ms, collect {} ms, build {} ms", keys.size(), (scanned - started) / 1_000_000,
                (collected - scanned) / 1_000_000, (System.nanoTime() - collected) / 1_000_000);
        return fleet;
    }

    /** The full read on a Redis Cluster: every master scanned and read at once, each on its own node connection. */
    private Fleet loadAllNodeByNode(StatefulRedisClusterConnection<String, String> cluster, ScanArgs args) {
        long started = System.nanoTime();
        List<NodeReads.KeyRead> reads = await(NodeReads.scanAndRead(cluster, args, key -> KeySchema.parse(key).isPresent(), FleetLoader::isSet));
        FleetAssembler assembler = new FleetAssembler();
        absorb(reads.stream().map(NodeReads.KeyRead::key).toList(), reads.stream().map(NodeReads.KeyRead::value).toList(), assembler);
        LOG.debug("loadAll on a cluster: {} keys in {} ms", reads.size(), (System.nanoTime() - started) / 1_000_000);
        return assembler.build(null);
    }

    /**
     * Reads only the named hashes of each id and takes the others from {@code previous}; an id without a previous
     * value is read whole. Membership comes from {@code knownSets}.
     */
    public Fleet loadParts(Map<String, Set<HashPart>> partsById, Map<String, Set<String>> knownSets,
                           Function<String, RawInstance> previous) {
        FleetAssembler assembler = new FleetAssembler();
        List<String> keys = new ArrayList<>(partsById.size() * 2);
        partsById.forEach((id, changed) -> {
            RawInstance before = previous.apply(id);
            Set<HashPart> read = before == null ? HashPart.ALL : changed;
            assembler.touch(id);
            if (before != null) {
                assembler.keep(before, read);
            }
            read.forEach(part -> keys.add(part.key(id)));
        });
        readBatched(keys, assembler);
        return assembler.build(knownSets);
    }

    /** SMEMBERS of the named state sets (absent or wrongly typed sets read as empty). */
    public Map<String, Set<String>> loadSets(Collection<String> states) {
        FleetAssembler assembler = new FleetAssembler();
        List<String> keys = states.stream().map(KeySchema::stateSetKey).toList();
        readKeyByKey(keys, assembler);
        Map<String, Set<String>> out = new HashMap<>(assembler.build(null).stateSets());
        states.forEach(s -> out.putIfAbsent(s, Set.of()));
        return out;
    }

    /**
     * Dirty-id fetches go through the bulk-read script, 500 keys a call: under a writer storm a few large
     * commands get through Redis's round-robin far sooner than thousands of small ones queued behind the
     * writer's pipeline (measured: storm convergence 140-210 ms this way, 290-530 ms key by key).
     */
    private void readBatched(List<String> keys, FleetAssembler assembler) {
        if (scriptsAllowed.getAsBoolean()) {
            List<CompletableFuture<Object>> replies = new ArrayList<>();
            for (int from = 0; from < keys.size(); from += BATCH) {
                List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
                replies.add(readScript.run(async, connection::flush, ScriptOutputType.MULTI, batch.toArray(String[]::new)));
            }
            connection.flush();
            try {
                for (int k = 0; k < replies.size(); k++) {
                    int from = k * BATCH;
                    assembler.absorbScriptReply(keys.subList(from, Math.min(keys.size(), from + BATCH)),
                            patience.await(replies.get(k), TIMEOUT_MS));
                }
                return;
            } catch (ExecutionException e) {
                String m = String.valueOf(e.getCause().getMessage());
                if (!(m.contains("NOPERM") || m.contains("unknown command") || m.contains("CROSSSLOT") || m.contains("script"))) {
                    throw RedisAccessException.from(target, e.getCause());
                }
                LOG.info("bulk-read script refused by {} ({}); reading key by key", target, m);
                scriptRefused.accept(m);
            } catch (TimeoutException | InterruptedException e) {
                throw interruptedOrTimeout(e);
            }
        }
        readKeyByKey(keys, assembler);
    }

    private void readKeyByKey(List<String> keys, FleetAssembler assembler) {
        List<Future<?>> replies = new ArrayList<>(keys.size());
        connection.pipelined(() -> keys.forEach(key -> replies.add(isSet(key) ? async.smembers(key) : async.hgetall(key))));
        absorb(keys, replies, assembler);
    }

    private static boolean isSet(String key) {
        return KeySchema.parse(key).orElseThrow().kind() == KeySchema.Kind.STATE_SET;
    }

    /** Each key's reply into {@code assembler}; a key that answered WRONGTYPE is recorded with its actual type. */
    @SuppressWarnings("unchecked")
    private void absorb(List<String> keys, List<? extends Future<?>> replies, FleetAssembler assembler) {
        Map<String, RedisFuture<String>> types = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            ParsedKey parsed = KeySchema.parse(key).orElseThrow();
            try {
                Object value = reply(key, replies.get(i));
                if (parsed.kind() == KeySchema.Kind.STATE_SET) {
                    assembler.set(parsed.name(), (Set<String>) value);
                } else {
                    assembler.hash(parsed, (Map<String, String>) value);
                }
            } catch (ExecutionException e) {
                if (!String.valueOf(e.getCause().getMessage()).startsWith("WRONGTYPE")) {
                    throw RedisAccessException.from(target, e.getCause());
                }
                types.put(key, async.type(key));
            } catch (TimeoutException | InterruptedException e) {
                throw interruptedOrTimeout(e);
            }
        }
        connection.flush();
        types.forEach((key, type) -> assembler.wrongType(key, KeySchema.parse(key).orElseThrow(), await(type.toCompletableFuture())));
    }

    /** The value of {@code key} read node by node; where its slot moved meanwhile, read again where the cluster now serves it. */
    private Object reply(String key, Future<?> reply) throws ExecutionException, TimeoutException, InterruptedException {
        try {
            return patience.await(reply, TIMEOUT_MS);
        } catch (ExecutionException e) {
            String m = String.valueOf(e.getCause().getMessage());
            if (!(m.startsWith("MOVED") || m.startsWith("ASK"))) {
                throw e;
            }
            RedisFuture<?> again = isSet(key) ? async.smembers(key) : async.hgetall(key);
            connection.flush();
            return patience.await(again, TIMEOUT_MS);
        }
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return patience.await(future, TIMEOUT_MS);
        } catch (ExecutionException e) {
            throw RedisAccessException.from(target, e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            throw interruptedOrTimeout(e);
        }
    }

    private RedisAccessException interruptedOrTimeout(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new RedisAccessException(RedisAccessException.Reason.UNREACHABLE, "no answer from " + target + " in time", e);
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    @Override
    public void close() {
        connection.close();
    }
}
