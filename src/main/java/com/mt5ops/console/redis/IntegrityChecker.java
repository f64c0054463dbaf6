package com.mt5ops.console.redis;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.Problem;
import com.mt5ops.console.model.ProblemCode;
import com.mt5ops.console.model.RawInstance;
import com.mt5ops.console.model.TransitionTable;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The checker behind `check`: every problem code of the contract, on a single server or a whole Redis Cluster, and a
 * repair that rebuilds only the state index sets from the hashes, never touching a hash: one atomic script per id on a
 * single server, single-key commands per id on a cluster ({@link ClusterIndexRepair}), whose interrupted transitions
 * the repair completes first ({@link TransitionRecovery}).
 */
public final class IntegrityChecker {
    private final RedisConnector connector;
    private final InstanceParser parser;
    private final TransitionTable table;
    private final LuaScript repairScript = new LuaScript("repair-index.lua");

    public IntegrityChecker(RedisConnector connector, InstanceParser parser) {
        this(connector, parser, new TransitionTable());
    }

    public IntegrityChecker(RedisConnector connector, InstanceParser parser, TransitionTable table) {
        this.connector = connector;
        this.parser = parser;
        this.table = table;
    }

    public CheckReport check() {
        Fleet fleet = load();
        List<Problem> problems = new ArrayList<>();
        try (KeyConnection c = connector.open()) {
            // a cluster's configuration is each node's own: every master must send the events
            for (Map.Entry<String, RedisCommands<String, String>> server : c.servers().entrySet()) {
                NotificationConfig.Status status = new NotificationConfig().read(NotificationConfig.over(server.getValue()));
                if (!status.enabled()) {
                    problems.add(Problem.server(ProblemCode.NOTIFICATIONS_OFF,
                            server.getKey().isEmpty() ? status.message() : "on " + server.getKey() + ": " + status.message()));
                }
            }
            if (c.cluster()) { // only the slot-safe transitions leave pending records
                problems.addAll(new TransitionRecovery(c.async(), new SlotSafeTransitions(c.async(), table, target())).check().join());
            }
        } catch (CompletionException e) {
            throw failed("read the pending transitions", e.getCause());
        }
        fleet.badStateSetKeys().forEach((key, type) ->
                problems.add(new Problem(ProblemCode.KEY_WRONG_TYPE, null, key, null, "expected set, found " + type)));
        Instant now = Instant.now();
        for (RawInstance raw : fleet.instances().values()) {
            Instance parsed = parser.parse(raw, now);
            problems.addAll(parsed.problems());
        }
        return new CheckReport(problems, fleet.instances().size(), 0);
    }

    /** Completes interrupted transitions (a cluster's), rebuilds the index sets from the hashes, then checks again. */
    public CheckReport repair() {
        RecoveryReport recovered = recover();
        Fleet fleet = load();
        Set<String> setKeys = new LinkedHashSet<>(List.of(StateSets.keysAfter()));
        fleet.stateSets().keySet().forEach(s -> setKeys.add(KeySchema.stateSetKey(s)));
        setKeys.removeAll(fleet.badStateSetKeys().keySet());
        List<String> ids = new ArrayList<>();
        for (RawInstance raw : fleet.instances().values()) {
            if (raw.instance() != null || !raw.indexSets().isEmpty()) {
                ids.add(raw.id());
            }
        }
        int changed;
        try (KeyConnection c = connector.open()) {
            changed = c.cluster() ? new ClusterIndexRepair(c.async()).run(ids, setKeys) : scripted(c, ids, setKeys);
        } catch (CompletionException e) {
            throw failed("rebuild the index sets", e.getCause());
        }
        CheckReport after = check();
        return new CheckReport(after.problems(), after.instances(), changed, recovered);
    }

    /** One atomic script per id: the hash's state and every set read and written in one step. */
    private int scripted(KeyConnection c, List<String> ids, Set<String> setKeys) {
        List<CompletableFuture<Long>> replies = new ArrayList<>();
        for (String id : ids) {
            List<String> keys = new ArrayList<>();
            keys.add(KeySchema.instanceKey(id));
            keys.addAll(setKeys);
            replies.add(repairScript.run(c.async(), c::flush, ScriptOutputType.INTEGER, keys.toArray(String[]::new), id, StateSets.KNOWN));
        }
        int changed = 0;
        for (CompletableFuture<Long> r : replies) {
            changed += r.join().intValue();
        }
        return changed;
    }

    /** The recovery pass on a cluster (over the writer, which never replays); nothing to do on a single server. */
    private RecoveryReport recover() {
        if (!connector.cluster()) {
            return TransitionWriter.nothingPending();
        }
        try (ClusterTransitions transitions = new ClusterTransitions(connector, table)) {
            return transitions.recover().join();
        } catch (CompletionException e) {
            throw failed("complete the interrupted transitions", e.getCause());
        }
    }

    private Fleet load() {
        try (FleetLoader loader = new FleetLoader(connector)) {
            return loader.loadAll();
        }
    }

    /** An error reply is what Redis said, never "cannot connect"; a lost connection or a denial is classified as such. */
    private RuntimeException failed(String what, Throwable cause) {
        if (cause instanceof RedisCommandExecutionException error && !RedisAccessException.isDenial(error.getMessage())) {
            return new RedisAccessException(RedisAccessException.Reason.SERVER_ERROR, "Redis on " + target() + " failed a command to "
                    + what + ": " + String.valueOf(error.getMessage()).lines().findFirst().orElse(""), error);
        }
        return RedisAccessException.from(target(), cause);
    }

    private String target() {
        return connector.endpoint().display();
    }
}
