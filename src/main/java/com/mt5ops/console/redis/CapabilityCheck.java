package com.mt5ops.console.redis;

import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.redis.Capabilities.Right;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns {@link Capabilities} without being denied anything: ACL DRYRUN (Redis 7, which logs nothing) for every command
 * the console would send, as it would send it, after COMMAND INFO has said the server has ACL DRYRUN at all (Redis 6.2
 * has not, and asking it would be denied). The user is the one the console authenticated as (the URI's, else
 * {@code default}): ACL WHOAMI is not among a viewer's commands.
 */
public final class CapabilityCheck {
    private static final Logger LOG = LoggerFactory.getLogger(CapabilityCheck.class);
    private static final long TIMEOUT_MS = 10_000;
    private static final String ID = "00000000-0000-0000-0000-000000000000";

    /** An error reply, kept as a value so one refusal does not hide the other answers. */
    private record ErrorText(String text) {
    }

    /** Sends commands pipelined; a reply per command, in order (an {@link ErrorText} for an error). */
    private interface Wire {
        List<Object> send(List<List<String>> commands) throws IOException;
    }

    private CapabilityCheck() {
    }

    /** Over a plain RESP connection of its own; empty when plain RESP cannot reach the endpoint or the server fails. */
    public static Optional<Capabilities> overPlain(RedisEndpoint endpoint) {
        if (!RespConnection.reaches(endpoint.uri())) {
            return Optional.empty();
        }
        try (RespConnection c = RespConnection.open(endpoint.uri(), endpoint.tls())) {
            // a cluster's transitions send other commands, on other keys, than the single server's script
            return Optional.of(over(c, endpoint, ServerMode.of(c)));
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not ask {} for this user's rights: {}", endpoint.display(), e.toString());
            return Optional.empty();
        }
    }

    /** Over an open plain RESP connection to a server of the given mode. */
    static Capabilities over(RespConnection c, RedisEndpoint endpoint, ServerMode mode) throws IOException {
        return ask(userOf(endpoint.uri()), endpoint.database(), mode, commands -> {
            for (List<String> command : commands) {
                c.write(command);
            }
            c.flush();
            List<Object> replies = new ArrayList<>(commands.size());
            for (int k = 0; k < commands.size(); k++) {
                try {
                    replies.add(c.read());
                } catch (RespReader.ErrorReply e) {
                    replies.add(new ErrorText(e.getMessage()));
                }
            }
            return replies;
        });
    }

    /** Over a Lettuce connection, waiting with {@code patience}; the server's mode is asked over plain RESP where it reaches. */
    public static Capabilities over(RedisAsyncCommands<String, String> redis, RedisEndpoint endpoint, Patience patience) throws IOException {
        ServerMode mode;
        try {
            mode = ServerMode.of(endpoint);
        } catch (RuntimeException e) {
            mode = ServerMode.STANDALONE;
        }
        return ask(userOf(endpoint.uri()), endpoint.database(), mode, commands -> {
            List<RedisFuture<?>> sent = new ArrayList<>(commands.size());
            for (List<String> c : commands) {
                sent.add(c.get(0).equals("COMMAND") ? redis.commandInfo(c.get(2))
                        : redis.aclDryRun(c.get(2), c.get(3), c.subList(4, c.size()).toArray(String[]::new)));
            }
            List<Object> replies = new ArrayList<>(sent.size());
            for (RedisFuture<?> f : sent) {
                try {
                    replies.add(patience.await(f.toCompletableFuture(), TIMEOUT_MS));
                } catch (ExecutionException e) {
                    replies.add(new ErrorText(String.valueOf(e.getCause().getMessage())));
                } catch (TimeoutException e) {
                    throw new IOException("no answer in time", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            return replies;
        });
    }

    private static Capabilities ask(String user, int db, ServerMode mode, Wire wire) throws IOException {
        List<Object> has = wire.send(List.of(List.of("COMMAND", "INFO", "acl|dryrun")));
        if (!(has.get(0) instanceof List<?> info) || info.isEmpty() || info.get(0) == null) {
            return Capabilities.unverified(user, "this Redis has no ACL DRYRUN (before 7): rights are learned from the first refusal");
        }
        Map<Right, List<List<String>>> questions = questions(db, mode);
        List<List<String>> dryRuns = new ArrayList<>();
        questions.values().forEach(commands -> commands.forEach(c -> {
            List<String> d = new ArrayList<>(List.of("ACL", "DRYRUN", user));
            d.addAll(c);
            dryRuns.add(d);
        }));
        List<Object> answers = wire.send(dryRuns);
        Map<Right, String> denied = new EnumMap<>(Right.class);
        int k = 0;
        for (Map.Entry<Right, List<List<String>>> q : questions.entrySet()) {
            for (List<String> command : q.getValue()) {
                Object answer = answers.get(k++);
                if (answer instanceof ErrorText e) {
                    if (RedisAccessException.isDenial(e.text())) { // ACL DRYRUN itself: the user may not ask
                        return Capabilities.unverified(user, "the Redis user '" + user + "' may not run ACL DRYRUN: rights are learned"
                                + " from the first refusal");
                    }
                    denied.putIfAbsent(q.getKey(), String.join(" ", command.subList(0, Math.min(2, command.size()))) + ": " + e.text());
                } else if (!"OK".equals(answer)) {
                    denied.putIfAbsent(q.getKey(), String.valueOf(answer));
                }
            }
        }
        Capabilities caps = new Capabilities(user, true, "asked with ACL DRYRUN", denied);
        LOG.info("{}", caps);
        return caps;
    }

    /** For each right, the commands the console sends for it on a single server, with arguments of the shape it sends. */
    static Map<Right, List<List<String>>> questions(int db) {
        return questions(db, ServerMode.STANDALONE);
    }

    /** The same on a server of {@code mode}: on a Redis Cluster a transition is the slot-safe steps, not one script. */
    static Map<Right, List<List<String>>> questions(int db, ServerMode mode) {
        String instance = KeySchema.instanceKey(ID);
        String health = KeySchema.healthKey(ID);
        String running = KeySchema.stateSetKey(InstanceState.RUNNING.wire());
        String keyspace = "__keyspace@" + db + "__:";
        String probe = "console:probe:" + ID;
        Map<Right, List<List<String>>> q = new LinkedHashMap<>();
        q.put(Right.READ, List.of(List.of("SCAN", "0", "MATCH", KeySchema.SCAN_PATTERN, "COUNT", "5000"),
                List.of("HGETALL", instance), List.of("HGETALL", KeySchema.metricsKey(ID)), List.of("HGETALL", health),
                List.of("SMEMBERS", running), List.of("TYPE", instance), List.of("PING")));
        q.put(Right.SUBSCRIBE, List.of(List.of("PSUBSCRIBE", keyspace + KeySchema.SCAN_PATTERN)));
        LuaScript read = new LuaScript("read-keys.lua");
        String[] readKeys = {instance, KeySchema.metricsKey(ID), health, running};
        q.put(Right.READ_SCRIPT, List.of(script("EVALSHA", read.sha(), readKeys), script("EVAL", read.source(), readKeys)));
        q.put(Right.READ_CONFIG, List.of(List.of("CONFIG", "GET", "notify-keyspace-events")));
        q.put(Right.SET_CONFIG, List.of(List.of("CONFIG", "SET", "notify-keyspace-events", NotificationConfig.REQUIRED)));
        q.put(Right.PROBE, List.of(List.of("HSET", probe, "probe", "1"), List.of("DEL", probe), List.of("PSUBSCRIBE", keyspace + "console:probe:*")));
        q.put(Right.TRANSITION, mode == ServerMode.CLUSTER ? slotSafeTransition() : transition());
        q.put(Right.READ_AUDIT, List.of(List.of("XRANGE", KeySchema.AUDIT_STREAM, "-", "+", "COUNT", "1")));
        q.put(Right.ROLE, List.of(List.of("ROLE")));
        return q;
    }

    /** transition.lua as {@code TransitionService} sends it, and every command it runs on every key it touches. */
    private static List<List<String>> transition() {
        String[] keys = StateSets.keysAfter(KeySchema.instanceKey(ID), KeySchema.healthKey(ID), KeySchema.AUDIT_STREAM);
        LuaScript script = new LuaScript("transition.lua");
        List<List<String>> out = new ArrayList<>(List.of(script("EVALSHA", script.sha(), keys), script("EVAL", script.source(), keys),
                List.of("HGET", keys[0], "state"), List.of("HGET", keys[1], "restart_count"), List.of("TIME"),
                List.of("XADD", keys[2], "MAXLEN", "~", TransitionService.AUDIT_MAXLEN, "*", "instance_id", ID),
                List.of("HSET", keys[0], "state", "running", "last_updated_at", "2026-01-01T00:00:00Z"),
                List.of("HINCRBY", keys[1], "restart_count", "1")));
        for (int k = 0; k < keys.length; k++) {
            out.add(List.of("TYPE", keys[k]));
            if (k >= 3) {
                out.add(List.of("SREM", keys[k], ID));
                out.add(List.of("SADD", keys[k], ID));
            }
        }
        return out;
    }

    /**
     * {@link SlotSafeTransitions} and {@link TransitionRecovery} as they run on a cluster: each script with its keys
     * (EVALSHA, and EVAL for a node that lacks it), every command the scripts run on the keys they touch (the pending
     * record beside the instance hash, the counted record beside the health hash), the index writes and the recovery's
     * SCAN of the pending records.
     */
    private static List<List<String>> slotSafeTransition() {
        String instance = KeySchema.instanceKey(ID);
        String health = KeySchema.healthKey(ID);
        String pending = TransitionKeys.pending(ID);
        String counted = TransitionKeys.counted(ID);
        String audit = KeySchema.AUDIT_STREAM;
        List<List<String>> out = new ArrayList<>();
        for (String[] s : new String[][] {{"cas-with-pending.lua", instance, pending}, {"count-restart.lua", health, counted},
                {"audit-once.lua", audit}, {"finish-pending.lua", pending}}) {
            LuaScript script = new LuaScript(s[0]);
            String[] keys = java.util.Arrays.copyOfRange(s, 1, s.length);
            out.add(script("EVALSHA", script.sha(), keys));
            out.add(script("EVAL", script.source(), keys));
        }
        out.addAll(List.of(List.of("TIME"), List.of("HGET", instance, "state"), List.of("HMGET", pending, "txn"),
                List.of("HGETALL", pending), List.of("HSET", pending, "txn", ID), List.of("DEL", pending),
                List.of("HSET", instance, "state", "running", "last_updated_at", "2026-01-01T00:00:00Z"),
                List.of("HGET", health, "restart_count"), List.of("HINCRBY", health, "restart_count", "1"),
                List.of("HGETALL", counted), List.of("HSET", counted, ID, "0|COUNTED|1"), List.of("HDEL", counted, ID),
                List.of("PEXPIRE", counted, "1"), List.of("XRANGE", audit, "-", "+", "COUNT", "1"),
                List.of("XADD", audit, "MAXLEN", "~", TransitionService.AUDIT_MAXLEN, "*", "txn", ID),
                List.of("SCAN", "0", "MATCH", TransitionKeys.PENDING_PATTERN, "COUNT", "1000")));
        for (String key : new String[] {instance, health, pending, counted, audit}) {
            out.add(List.of("TYPE", key));
        }
        for (String set : StateSets.keysAfter()) {
            out.add(List.of("TYPE", set));
            out.add(List.of("SREM", set, ID));
            out.add(List.of("SADD", set, ID));
        }
        return out;
    }

    private static List<String> script(String how, String script, String... keys) {
        List<String> c = new ArrayList<>(List.of(how, script, Integer.toString(keys.length)));
        c.addAll(List.of(keys));
        return c;
    }

    /** The user the connection authenticates as: the URI's, else Redis's {@code default}. */
    static String userOf(RedisURI uri) {
        var credentials = uri.getCredentialsProvider() == null ? null : uri.getCredentialsProvider().resolveCredentials().block();
        return credentials != null && credentials.hasUsername() ? credentials.getUsername() : "default";
    }
}
