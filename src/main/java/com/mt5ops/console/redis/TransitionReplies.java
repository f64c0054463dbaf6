package com.mt5ops.console.redis;

import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import java.util.List;
import java.util.concurrent.CompletionException;

/** Turns the transition script's reply, or the way it failed, into a {@link TransitionResult} an operator can read. */
final class TransitionReplies {
    private TransitionReplies() {
    }

    static TransitionResult toResult(String id, List<Object> reply) {
        Outcome outcome = Outcome.valueOf(String.valueOf(reply.get(0)));
        String stateNow = String.valueOf(reply.get(1));
        String detail = reply.size() > 2 ? String.valueOf(reply.get(2)) : "";
        String message = switch (outcome) {
            case DONE -> "done: " + id + " is now " + stateNow + (detail.isEmpty() ? "" : " (" + detail + ")");
            case CONFLICT -> "conflict: someone else changed " + id + "; "
                    + (stateNow.isEmpty() ? "its state field is missing now" : "its state is now '" + stateNow + "'");
            case NOT_ALLOWED -> "not allowed: " + detail;
            case NOT_FOUND -> "no such instance: " + id + (detail.isEmpty() ? "" : " (" + detail + ")");
            case DENIED -> "permission denied: the Redis user may not change " + id + " (" + detail + ")";
            case REFUSED -> "refused before any write: " + id + ": " + detail;
            case SERVER_ERROR -> "Redis failed the transition of " + id + ", the change is incomplete: " + detail;
            case UNAVAILABLE, NOT_REPLICATED -> detail;
        };
        if (outcome == Outcome.SERVER_ERROR && detail.endsWith("nothing was written")) {
            message = "Redis failed the transition of " + id + ": " + detail;
        }
        return new TransitionResult(outcome, id, stateNow.isEmpty() ? null : stateNow, message);
    }

    /**
     * The script raised instead of answering, or never ran. Its writes catch their own errors, so an error reply
     * here came before the first write. A connection lost with the command under way may or may not have changed
     * the state; only one that was never reached is "cannot connect".
     */
    static TransitionResult toFailure(String target, String id, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RedisCommandTimeoutException) {
            return new TransitionResult(Outcome.UNAVAILABLE, id, null,
                    "no answer from " + target + " in time; the change may or may not have happened, look before retrying");
        }
        if (cause instanceof RedisCommandExecutionException error) {
            String text = firstLine(error.getMessage());
            if (RedisAccessException.isDenial(text)) {
                return new TransitionResult(Outcome.DENIED, id, null,
                        "permission denied: the Redis user may not change " + id + " (" + text + "); nothing was written");
            }
            return new TransitionResult(Outcome.SERVER_ERROR, id, null,
                    "Redis failed the transition of " + id + " before its first write, nothing was written: " + text);
        }
        if (lostInFlight(cause)) {
            return new TransitionResult(Outcome.UNAVAILABLE, id, null, "the connection to " + target
                    + " was lost while the transition was under way; the change may or may not have happened, look before retrying");
        }
        RedisAccessException access = RedisAccessException.from(target, cause);
        Outcome outcome = access.reason() == RedisAccessException.Reason.DENIED ? Outcome.DENIED : Outcome.UNAVAILABLE;
        return new TransitionResult(outcome, id, null, access.getMessage());
    }

    /**
     * The connection dropped with the command sent (a failover, a killed client): unlike a command refused while
     * disconnected or a failed connect, it may have run.
     */
    private static boolean lostInFlight(Throwable cause) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
            all.append(t.getMessage()).append(' ');
        }
        String text = all.toString();
        return !text.contains("Unable to connect") && !text.contains("not connected")
                && (text.contains("Connection closed") || text.contains("Connection reset") || text.contains("Broken pipe"));
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
