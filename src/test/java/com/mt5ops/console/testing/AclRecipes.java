package com.mt5ops.console.testing;

/**
 * The ACL SETUSER lines the README gives for the console's two roles, word for word (db 0), so the tests prove exactly
 * what the README promises.
 */
public final class AclRecipes {
    /** Reads the fleet and the audit trail, subscribes to the fleet's events, asks its rights; writes nothing. */
    public static final String VIEWER = "ACL SETUSER viewer reset on >viewer-pw ~instance* ~console:audit ~console:broker_names"
            + " resetchannels &__keyspace@0__:instance* &__keyspace@0__:console:broker_names"
            + " -@all +@read +@connection +psubscribe +subscribe +acl|dryrun";
    /** The viewer's rights, plus the transition script and its writes, and the probe key that proves events flow. */
    public static final String OPERATOR = "ACL SETUSER operator reset on >operator-pw ~instance* ~console:* resetchannels"
            + " &__keyspace@0__:instance* &__keyspace@0__:console:probe:* &__keyspace@0__:console:broker_names"
            + " -@all +@read +@connection +psubscribe +subscribe +acl|dryrun"
            + " +evalsha +eval +time +hset +hdel +del +sadd +srem +hincrby +xadd";

    /**
     * The viewer on a Redis Cluster (run on every master: each node has its own users): also what Lettuce's cluster
     * client reads the topology with (CLUSTER NODES, CLUSTER MYID, INFO), and the pending transition records (read only,
     * as everything a viewer does), so that {@code check} can say what is pending.
     */
    public static final String VIEWER_CLUSTER = "ACL SETUSER viewer reset on >viewer-pw ~instance* ~console:audit ~console:broker_names"
            + " ~{instance:*}:console:txn"
            + " resetchannels &__keyspace@0__:instance* &__keyspace@0__:console:broker_names"
            + " -@all +@read +@connection +psubscribe +subscribe +acl|dryrun +cluster|nodes +cluster|myid +info";
    /**
     * The operator on a Redis Cluster: the viewer's cluster rights, the operator's, the transitions' own keys beside the
     * instance and health hashes (the pending and the counted records), and PEXPIRE for the counted record's expiry.
     */
    public static final String OPERATOR_CLUSTER = "ACL SETUSER operator reset on >operator-pw ~instance* ~console:*"
            + " ~{instance:*}:console:txn ~{instance_health:*}:console:counted resetchannels"
            + " &__keyspace@0__:instance* &__keyspace@0__:console:probe:* &__keyspace@0__:console:broker_names"
            + " -@all +@read +@connection +psubscribe +subscribe +acl|dryrun +cluster|nodes +cluster|myid +info"
            + " +evalsha +eval +time +hset +hdel +del +sadd +srem +hincrby +xadd +pexpire";

    private AclRecipes() {
    }

    /** Creates the user of {@code recipe} on the test server; returns its URI. */
    public static String create(RedisExtension redis, String recipe) {
        String[] words = recipe.split(" ");
        redis.call(words);
        String user = words[2];
        String password = java.util.Arrays.stream(words).filter(w -> w.startsWith(">")).findFirst().orElseThrow().substring(1);
        return "redis://" + user + ":" + password + "@127.0.0.1:" + redis.server().port() + "/0";
    }
}
