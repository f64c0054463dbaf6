package com.mt5ops.console.redis;

/**
 * Redis could not be used: unreachable, authentication failed, or a command was denied. Carries one sentence
 * for the operator; callers show it instead of a stack trace.
 */
public final class RedisAccessException extends RuntimeException {

    /** Why Redis could not be used; SERVER_ERROR: Redis answered a command with an error (never "cannot connect"). */
    public enum Reason { UNREACHABLE, DENIED, BAD_URI, SERVER_ERROR }

    private static final String AUTH_FAILED = "authentication failed";
    private final Reason reason;

    public RedisAccessException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Classifies a Lettuce or Netty failure into one readable sentence. */
    public static RedisAccessException from(String target, Throwable failure) {
        Throwable root = failure;
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            root = t;
            if (t.getMessage() != null) {
                text.append(t.getMessage()).append(' ');
            }
        }
        String all = text.toString();
        if (isDenial(all)) {
            return new RedisAccessException(Reason.DENIED, "permission denied by Redis ACL on " + target + ": " + firstLine(root), failure);
        }
        if (isAuthFailure(all)) {
            return new RedisAccessException(Reason.DENIED, AUTH_FAILED + " for " + target, failure);
        }
        return new RedisAccessException(Reason.UNREACHABLE, "cannot connect to " + target + ": " + firstLine(root), failure);
    }

    /**
     * Redis refused the credentials, or wants some: WRONGPASS, NOAUTH, "invalid username-password", or this class's
     * own wording of those (which is what reaches a connection state's reason). The window asks for a password then.
     */
    public static boolean isAuthFailure(String text) {
        return text != null && (text.contains("WRONGPASS") || text.contains("NOAUTH") || text.contains("invalid username-password")
                || text.contains(AUTH_FAILED));
    }

    /** An ACL refusal as Redis words it: NOPERM, or inside a script (6.2, 7.0) "can't run this command" / "can't access". */
    public static boolean isDenial(String errorText) {
        return errorText != null && (errorText.contains("NOPERM") || errorText.contains("can't run this command")
                || errorText.contains("can't access"));
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
