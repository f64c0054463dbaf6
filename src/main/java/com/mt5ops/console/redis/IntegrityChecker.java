package com.mt5ops.console.redis;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.Problem;
import com.mt5ops.console.model.ProblemCode;
import com.mt5ops.console.model.RawInstance;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The checker behind `check`: every problem code of the contract, and a repair that rebuilds only the state
 * index sets from the hashes, one id per atomic script, never touching a hash.
 */
public final class IntegrityChecker {
    private final RedisConnector connector;
    private final InstanceParser parser;
    private final LuaScript repairScript = new LuaScript("repair-index.lua");

    public IntegrityChecker(RedisConnector connector, InstanceParser parser) {
        this.connector = connector;
        this.parser = parser;
    }

    public CheckReport check() {
        Fleet fleet;
        try (FleetLoader loader = new FleetLoader(connector)) {
            fleet = loader.loadAll();
        }
        List<Problem> problems = new ArrayList<>();
        try (StatefulRedisConnection<String, String> c = connector.connect()) {
            NotificationConfig.Status status = new NotificationConfig().read(NotificationConfig.over(c.sync()));
            if (!status.enabled()) {
                problems.add(Problem.server(ProblemCode.NOTIFICATIONS_OFF, status.message()));
            }
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

    /** Rebuilds the index sets from the hashes, then checks again. */
    public CheckReport repair() {
        Fleet fleet;
        try (FleetLoader loader = new FleetLoader(connector)) {
            fleet = loader.loadAll();
        }
        Set<String> setKeys = new LinkedHashSet<>(List.of(StateSets.keysAfter()));
        fleet.stateSets().keySet().forEach(s -> setKeys.add(KeySchema.stateSetKey(s)));
        setKeys.removeAll(fleet.badStateSetKeys().keySet());
        int changed = 0;
        try (StatefulRedisConnection<String, String> c = connector.connect()) {
            List<CompletableFuture<Long>> replies = new ArrayList<>();
            for (RawInstance raw : fleet.instances().values()) {
                if (raw.instance() == null && raw.indexSets().isEmpty()) {
                    continue;
                }
                List<String> keys = new ArrayList<>();
                keys.add(KeySchema.instanceKey(raw.id()));
                keys.addAll(setKeys);
                replies.add(repairScript.run(c.async(), ScriptOutputType.INTEGER, keys.toArray(String[]::new), raw.id(), StateSets.KNOWN));
            }
            for (CompletableFuture<Long> r : replies) {
                changed += r.join().intValue();
            }
        } catch (java.util.concurrent.CompletionException e) {
            throw RedisAccessException.from(connector.endpoint().display(), e.getCause());
        }
        CheckReport after = check();
        return new CheckReport(after.problems(), after.instances(), changed);
    }
}
