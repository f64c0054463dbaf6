package com.mt5ops.console.redis;

import com.mt5ops.console.model.ExpectedState;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisCluster;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Seeding and looking at the Instance State Layer through any Lettuce connection, a cluster's included. */
final class SlotTestSupport {
    private SlotTestSupport() {
    }

    static void seed(RedisClusterCommands<String, String> r, String id, String state) {
        r.hset(KeySchema.instanceKey(id), Fixtures.stateHash(state));
        r.hset(KeySchema.metricsKey(id), Fixtures.metricsHash());
        r.hset(KeySchema.healthKey(id), Fixtures.healthHash());
        r.sadd(KeySchema.stateSetKey(state), id);
    }

    static TransitionRequest request(String id, String from, InstanceState to, String operator) {
        return new TransitionRequest(id, ExpectedState.is(from), to, to == InstanceState.RESTARTING, operator, "test-host", "slot test");
    }

    /** The known states whose index set holds {@code id}. */
    static List<String> statesHolding(RedisClusterCommands<String, String> r, String id) {
        List<String> out = new ArrayList<>();
        for (InstanceState s : InstanceState.values()) {
            if (r.sismember(KeySchema.stateSetKey(s.wire()), id)) {
                out.add(s.wire());
            }
        }
        return out;
    }

    static List<StreamMessage<String, String>> audit(RedisClusterCommands<String, String> r, String id) {
        return r.xrange(KeySchema.AUDIT_STREAM, Range.create("-", "+")).stream()
                .filter(m -> id.equals(m.getBody().get("instance_id"))).toList();
    }

    /** Every key of every master with its type and content: to show that nothing at all was written. */
    static Map<String, String> everything(List<RedisCommands<String, String>> nodes) {
        Map<String, String> all = new TreeMap<>();
        for (RedisCommands<String, String> n : nodes) {
            for (String key : n.keys("*")) {
                String type = n.type(key);
                String content = switch (type) {
                    case "hash" -> new TreeMap<>(n.hgetall(key)).toString();
                    case "set" -> new TreeSet<>(n.smembers(key)).toString();
                    case "stream" -> n.xrange(key, Range.create("-", "+")).stream().map(m -> m.getId() + m.getBody()).toList().toString();
                    case "string" -> n.get(key);
                    default -> "?";
                };
                all.put(key, type + " " + content);
            }
        }
        return all;
    }

    static List<RedisCommands<String, String>> masters(RedisCluster cluster) {
        return cluster.masters().stream().map(RedisCluster.Node::redis).toList();
    }

    /** The master serving {@code key}'s slot. */
    static int masterOf(RedisCluster cluster, String key) {
        List<RedisCluster.Node> m = cluster.masters();
        long slot = m.get(0).redis().clusterKeyslot(key);
        for (int i = 0; i < m.size(); i++) {
            if (servesSlot(m.get(i), slot)) {
                return i;
            }
        }
        throw new IllegalStateException("no master serves slot " + slot);
    }

    private static boolean servesSlot(RedisCluster.Node node, long slot) {
        String myId = node.id();
        for (String line : node.redis().clusterNodes().split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 8 && f[0].equals(myId)) {
                for (int i = 8; i < f.length; i++) {
                    String[] range = f[i].split("-");
                    long from = Long.parseLong(range[0]);
                    long to = range.length > 1 ? Long.parseLong(range[1]) : from;
                    if (slot >= from && slot <= to) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * A fresh id whose instance hash, health hash and the audit stream are served by three different masters, so a
     * transition on it truly spans nodes.
     */
    static String idAcrossMasters(RedisCluster cluster) {
        int audit = masterOf(cluster, KeySchema.AUDIT_STREAM);
        while (true) {
            String id = Fixtures.newId();
            int instance = masterOf(cluster, KeySchema.instanceKey(id));
            int health = masterOf(cluster, KeySchema.healthKey(id));
            if (instance != audit && health != audit && instance != health) {
                return id;
            }
        }
    }
}
