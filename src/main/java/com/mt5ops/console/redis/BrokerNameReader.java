package com.mt5ops.console.redis;

import com.mt5ops.console.model.BrokerNameRules;
import com.mt5ops.console.model.KeySchema;
import io.lettuce.core.MapScanCursor;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the shared broker names (`console:broker_names`, broker id -> name), bounded: at most {@link #MAX_NAMES}
 * names, each cut to {@link BrokerNameRules#MAX_KEPT} characters. Other systems and operators write that hash; what it holds is
 * shown escaped and clipped, never trusted.
 */
public final class BrokerNameReader {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BrokerNameReader.class);
    /** More names than this are not read (the first ones found are). */
    public static final int MAX_NAMES = 10_000;

    private BrokerNameReader() {
    }

    /**
     * The names now, over a Lettuce connection (a {@link KeyConnection}'s on a Redis Cluster, where the hash lives on
     * one master); throws as Lettuce does (WRONGTYPE, NOPERM, disconnected).
     */
    public static Map<String, String> read(RedisClusterCommands<String, String> redis) {
        if (redis.hlen(KeySchema.BROKER_NAMES) <= MAX_NAMES) {
            return bounded(redis.hgetall(KeySchema.BROKER_NAMES));
        }
        Map<String, String> some = new HashMap<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            MapScanCursor<String, String> page = redis.hscan(KeySchema.BROKER_NAMES, cursor, ScanArgs.Builder.limit(1000));
            page.getMap().forEach((k, v) -> {
                if (some.size() < MAX_NAMES) {
                    some.put(k, v);
                }
            });
            cursor = page;
        } while (!cursor.isFinished() && some.size() < MAX_NAMES);
        return bounded(some);
    }

    /**
     * The names for a one-shot command (`snapshot`, the end of `watch`): over plain RESP where it reaches a single
     * server, else the client (a Redis Cluster's, routed to the hash's master). Names are a decoration: when they cannot be read (denied, wrong type, too many) there are none, and
     * the log says why.
     */
    public static Map<String, String> readOnce(RedisEndpoint endpoint) {
        RedisURI uri = endpoint.uri();
        try {
            if (RespConnection.reaches(uri)) {
                try (RespConnection c = RespConnection.open(uri, endpoint.tls())) {
                    if (ServerMode.of(c) == ServerMode.CLUSTER) {
                        return viaClient(endpoint); // this node may not serve the hash's slot
                    }
                    if (uri.getDatabase() != 0) {
                        c.call("SELECT", Integer.toString(uri.getDatabase()));
                    }
                    if (((Long) c.call("HLEN", KeySchema.BROKER_NAMES)) > MAX_NAMES) {
                        LOG.warn("{} holds over {} names; they are not read here", KeySchema.BROKER_NAMES, MAX_NAMES);
                        return Map.of();
                    }
                    List<?> flat = (List<?>) c.call("HGETALL", KeySchema.BROKER_NAMES);
                    Map<String, String> m = new HashMap<>();
                    for (int k = 0; k + 1 < flat.size(); k += 2) {
                        m.put((String) flat.get(k), (String) flat.get(k + 1));
                    }
                    return bounded(m);
                }
            }
            return viaClient(endpoint);
        } catch (IOException | RuntimeException e) {
            LOG.warn("broker names not read from {}: {}", endpoint.display(), e.getMessage());
            return Map.of();
        }
    }

    private static Map<String, String> viaClient(RedisEndpoint endpoint) {
        try (RedisConnector connector = new RedisConnector(endpoint); KeyConnection c = connector.open()) {
            return read(c.sync());
        }
    }

    /** Without null entries, a name over {@link BrokerNameRules#MAX_KEPT} characters cut there and marked "…"; immutable. */
    static Map<String, String> bounded(Map<String, String> names) {
        Map<String, String> out = new HashMap<>();
        names.forEach((id, name) -> {
            if (id != null && name != null) {
                out.put(id, name.length() > BrokerNameRules.MAX_KEPT ? name.substring(0, BrokerNameRules.MAX_KEPT) + "…" : name);
            }
        });
        return Map.copyOf(out);
    }
}
