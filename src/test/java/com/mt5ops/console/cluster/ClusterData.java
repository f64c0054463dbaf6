package com.mt5ops.console.cluster;

import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.testing.RedisCluster;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A three-master test cluster with a client for one test class (started before its tests, emptied by {@link #reset()}
 * before each, stopped after them), and ways to look at what it holds, for the cluster tests of the console.
 */
final class ClusterData implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    RedisCluster cluster;
    RedisClusterClient client;
    StatefulRedisClusterConnection<String, String> connection;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster = RedisCluster.start(3, 0);
        client = RedisClusterClient.create(cluster.uri());
        connection = client.connect();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    RedisAdvancedClusterCommands<String, String> r() {
        return connection.sync();
    }

    /** What an operator gives the console: one master's plain URI. */
    String uri() {
        return cluster.uri();
    }

    /** Every master empty, no ACL user but the default, notifications on. */
    void reset() {
        for (RedisCluster.Node n : cluster.masters()) {
            n.redis().flushall();
            n.redis().aclUsers().stream().filter(u -> !u.equals("default")).forEach(u -> n.redis().aclDeluser(u));
            n.redis().configSet("notify-keyspace-events", "Kghsx");
            n.call("ACL", "LOG", "RESET");
        }
    }

    /** Runs an ACL SETUSER line (a README recipe) on every master: each node has its own users. */
    String createUser(String recipe) {
        String[] words = recipe.split(" ");
        cluster.masters().forEach(n -> n.call(words));
        String password = java.util.Arrays.stream(words).filter(w -> w.startsWith(">")).findFirst().orElseThrow().substring(1);
        return "redis://" + words[2] + ":" + password + "@127.0.0.1:" + cluster.masters().get(0).port() + "/0";
    }

    /** The ACL log of every master, joined: empty when no command was denied (but those of {@code expected}). */
    String aclLog(String... expected) {
        StringBuilder all = new StringBuilder();
        cluster.masters().forEach(n -> n.redis().aclLog().stream()
                .filter(e -> java.util.Arrays.stream(expected).noneMatch(x -> String.valueOf(e.get("object")).equals(x)))
                .forEach(e -> all.append(e).append('\n')));
        return all.toString();
    }

    /** The known states whose index set holds {@code id}. */
    List<String> statesHolding(String id) {
        List<String> out = new ArrayList<>();
        for (InstanceState s : InstanceState.values()) {
            if (r().sismember(KeySchema.stateSetKey(s.wire()), id)) {
                out.add(s.wire());
            }
        }
        return out;
    }

    List<StreamMessage<String, String>> audit(String id) {
        return r().xrange(KeySchema.AUDIT_STREAM, Range.create("-", "+")).stream()
                .filter(m -> id.equals(m.getBody().get("instance_id"))).toList();
    }

    /** Every key of every master with its type and content (sets sorted): to compare before and after. */
    Map<String, String> everything() {
        Map<String, String> all = new TreeMap<>();
        for (RedisCluster.Node node : cluster.masters()) {
            RedisCommands<String, String> n = node.redis();
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

    /** True when master {@code index} (of {@link RedisCluster#masters()}) serves {@code key}'s slot; the others answer MOVED. */
    boolean servedBy(int index, String key) {
        try {
            cluster.masters().get(index).redis().exists(key);
            return true;
        } catch (io.lettuce.core.RedisCommandExecutionException moved) {
            return false;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
        if (cluster != null) {
            cluster.close();
        }
    }
}
