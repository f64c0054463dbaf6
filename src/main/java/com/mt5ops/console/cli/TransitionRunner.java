package com.mt5ops.console.cli;

import com.mt5ops.console.model.Fields;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.redis.RedisAccessException;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.TransitionService;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.InetAddress;

/** Shared by `transition` and `mark-restart`: resolve the expected state, run the CAS script, report the outcome. */
final class TransitionRunner {
    private final CliContext ctx;

    TransitionRunner(CliContext ctx) {
        this.ctx = ctx;
    }

    int run(RedisOption redis, String id, String from, InstanceState to, boolean markRestart, String reason, String operator) {
        try (RedisConnector connector = redis.connector()) {
            String expected = from;
            if (expected == null) {
                expected = currentState(connector, id);
                if (expected == null) {
                    ctx.err().println("error: no such instance: " + id);
                    return ExitCodes.NOT_FOUND;
                }
            }
            TransitionResult result;
            try (TransitionService service = new TransitionService(connector, ctx.table())) {
                result = service.apply(new TransitionRequest(id, expected, to, markRestart,
                        operator == null ? System.getProperty("user.name") : operator, hostName(), reason)).join();
            }
            if (result.outcome() == Outcome.DONE) {
                ctx.out().println(result.message());
            } else {
                ctx.err().println("error: " + result.message());
            }
            return result.outcome().exitCode();
        } finally {
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    private static String currentState(RedisConnector connector, String id) {
        try (StatefulRedisConnection<String, String> c = connector.connect()) {
            String type = c.sync().type(KeySchema.instanceKey(id));
            if (!"hash".equals(type)) {
                return null;
            }
            String state = c.sync().hget(KeySchema.instanceKey(id), Fields.STATE);
            return state == null ? "" : state;
        } catch (io.lettuce.core.RedisException e) {
            throw RedisAccessException.from(connector.endpoint().display(), e);
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
