package com.mt5ops.console.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * What the operator reads when a transition's command fails without a reply: never "cannot connect" for a command
 * that may have run (the connection dropped with it under way), and "cannot connect" when it was never sent.
 */
class TransitionFailureWordsTest {
    private static final String ID = "550e8400-e29b-41d4-a716-446655440000";

    @Test
    void aConnectionLostWithTheCommandUnderWayMayHaveChangedTheState() {
        for (Throwable lost : new Throwable[] {new RedisException("Connection closed"),
                new CompletionException(new RedisException("java.io.IOException: Connection reset by peer")),
                new RedisException("write failed", new ClosedChannelException())}) {
            TransitionResult r = TransitionReplies.toFailure("redis://10.0.0.5:6379/0", ID, lost);
            assertEquals(Outcome.UNAVAILABLE, r.outcome(), lost.toString());
            assertTrue(r.message().contains("may or may not have happened, look before retrying"), r.message());
            assertTrue(r.message().contains("lost while the transition was under way"), r.message());
        }
    }

    @Test
    void aCommandNeverSentIsCannotConnectAndATimeoutMayHaveHappened() {
        TransitionResult rejected = TransitionReplies.toFailure("redis://10.0.0.5:6379/0", ID,
                new RedisException("Currently not connected. Commands are rejected."));
        assertTrue(rejected.message().startsWith("cannot connect to redis://10.0.0.5:6379/0"), rejected.message());
        TransitionResult unreachable = TransitionReplies.toFailure("redis://10.0.0.5:6379/0", ID,
                new RedisConnectionException("Unable to connect to 10.0.0.5:6379", new RedisException("Connection reset")));
        assertTrue(unreachable.message().startsWith("cannot connect to"), unreachable.message());
        TransitionResult timeout = TransitionReplies.toFailure("redis://10.0.0.5:6379/0", ID,
                new RedisCommandTimeoutException("Command timed out after 10 second(s)"));
        assertTrue(timeout.message().contains("may or may not have happened"), timeout.message());
    }
}
