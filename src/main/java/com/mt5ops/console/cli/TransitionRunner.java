package com.mt5ops.console.cli;

import com.mt5ops.console.model.ExpectedState;
import com.mt5ops.console.export.TerminalText;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.redis.Capabilities;
import com.mt5ops.console.redis.CapabilityCheck;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.TransitionWriter;

/**
 * Shared by `transition` and `mark-restart`: resolve the expected state, run the transition (one CAS script on a single
 * server, the slot-safe steps on a Redis Cluster), report the outcome.
 */
final class TransitionRunner {
    private final CliContext ctx;

    TransitionRunner(CliContext ctx) {
        this.ctx = ctx;
    }

    int run(RedisOption redis, String id, String from, InstanceState to, boolean markRestart, String reason, String operator) {
        try (RedisConnector connector = redis.connector()) {
            // Without --from the script compares nothing and takes the state it reads itself, in the same atomic step.
            ExpectedState expected = from == null ? ExpectedState.ANY : ExpectedState.is(from);
            // Asked first (ACL DRYRUN, Redis 7): a user who may not is told so, and the server never has to deny it.
            Capabilities caps = CapabilityCheck.overPlain(connector.endpoint()).orElse(null);
            if (caps != null && !caps.mayTransition()) {
                ctx.err().println("error: permission denied: " + TerminalText.escape(caps.transitionRefusal()) + "; nothing was sent");
                return Outcome.DENIED.exitCode();
            }
            TransitionResult result;
            try (TransitionWriter service = TransitionWriter.open(connector, ctx.table(), caps == null || caps.may(Capabilities.Right.ROLE))) {
                result = service.apply(new TransitionRequest(id, expected, to, markRestart,
                        operator == null ? System.getProperty("user.name") : operator, Host.name(), reason)).join();
            }
            if (result.outcome() == Outcome.DONE) {
                ctx.out().println(TerminalText.escape(result.message()));
            } else {
                ctx.err().println("error: " + TerminalText.escape(result.message()));
            }
            return result.outcome().exitCode();
        } finally {
            ctx.out().flush();
            ctx.err().flush();
        }
    }
}
