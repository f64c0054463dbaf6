package com.mt5ops.console.redis;

import java.util.EnumMap;
import java.util.Map;

/**
 * What this console's Redis user may do, learned before the console sends anything the server could deny: asked with
 * ACL DRYRUN where the server can be asked ({@code verified}), else every right is unverified and stays allowed until
 * a refusal shows otherwise ({@link #refused}), so each kind of command is tried at most once. {@code denied} holds,
 * for every right the user lacks, the server's reason.
 */
public record Capabilities(String user, boolean verified, String basis, Map<Right, String> denied) {
    /** A right the console needs for one of its features, with the commands it stands for. */
    public enum Right {
        READ("read the fleet (SCAN, HGETALL, SMEMBERS, TYPE, PING)"),
        SUBSCRIBE("subscribe to the fleet's keyspace events"),
        READ_SCRIPT("run the bulk-read script (EVAL, EVALSHA)"),
        READ_CONFIG("read notify-keyspace-events (CONFIG GET)"),
        SET_CONFIG("change notify-keyspace-events (CONFIG SET)"),
        PROBE("write and subscribe to the probe key console:probe:*"),
        TRANSITION("run the transition script (EVALSHA and every write it makes)"),
        READ_AUDIT("read console:audit (XRANGE)"),
        ROLE("ask the server's replication role before a write (ROLE)");

        private final String what;

        Right(String what) {
            this.what = what;
        }

        /** What the right allows, in words. */
        public String what() {
            return what;
        }
    }

    public Capabilities {
        Map<Right, String> copy = new EnumMap<>(Right.class);
        copy.putAll(denied);
        denied = java.util.Collections.unmodifiableMap(copy);
    }

    /** Nothing asked: everything is tried once, {@code why} says why the server was not asked. */
    public static Capabilities unverified(String user, String why) {
        return new Capabilities(user, false, why, Map.of());
    }

    public boolean may(Right right) {
        return !denied.containsKey(right);
    }

    /** The server's reason for a right the user lacks; empty when it may (or nobody knows yet). */
    public String whyNot(Right right) {
        return denied.getOrDefault(right, "");
    }

    /** The same, with {@code right} refused for {@code why} (learned from a refusal). */
    public Capabilities refused(Right right, String why) {
        if (!may(right)) {
            return this;
        }
        Map<Right, String> more = new EnumMap<>(Right.class);
        more.putAll(denied);
        more.put(right, why);
        return new Capabilities(user, verified, basis, more);
    }

    public boolean mayTransition() {
        return may(Right.TRANSITION);
    }

    /** Why the console cannot issue transitions, for the window and the CLI; empty when it can. */
    public String transitionRefusal() {
        return mayTransition() ? "" : "the Redis user '" + user + "' may not " + Right.TRANSITION.what() + ": " + whyNot(Right.TRANSITION);
    }

    /** One line for the log: the user, how it was learned, what it lacks. */
    @Override
    public String toString() {
        return "Capabilities[" + user + (verified ? ", asked" : ", unverified: " + basis) + ", lacks " + denied.keySet() + "]";
    }
}
