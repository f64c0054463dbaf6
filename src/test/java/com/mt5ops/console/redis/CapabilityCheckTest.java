package com.mt5ops.console.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.redis.Capabilities.Right;
import com.mt5ops.console.testing.AclRecipes;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console learns its Redis user's rights from the server without being denied anything (Redis 7, ACL DRYRUN). */
class CapabilityCheckTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static Capabilities plain(String uri) {
        return CapabilityCheck.overPlain(RedisEndpoint.parse(uri)).orElseThrow();
    }

    private static Set<Right> lacking(Capabilities caps) {
        return caps.denied().isEmpty() ? EnumSet.noneOf(Right.class) : EnumSet.copyOf(caps.denied().keySet());
    }

    @Test
    void theReadmeViewerMayReadSubscribeAndReadTheAuditButNothingElseAndAskingIsNeverDenied() {
        String uri = AclRecipes.create(REDIS, AclRecipes.VIEWER);
        REDIS.redis().aclLogReset();
        Capabilities caps = plain(uri);
        assertTrue(caps.verified(), caps.basis());
        assertEquals("viewer", caps.user());
        assertEquals(EnumSet.of(Right.READ_SCRIPT, Right.READ_CONFIG, Right.SET_CONFIG, Right.PROBE, Right.TRANSITION, Right.ROLE), lacking(caps));
        assertTrue(caps.transitionRefusal().startsWith("the Redis user 'viewer' may not run the transition script"), caps.transitionRefusal());
        assertTrue(caps.whyNot(Right.TRANSITION).contains("evalsha"), caps.whyNot(Right.TRANSITION));
        assertEquals(List.of(), REDIS.redis().aclLog(), "ACL DRYRUN is never denied and logs nothing");
    }

    @Test
    void theReadmeOperatorMayTransitionAndProbeButNotTouchTheConfiguration() {
        String uri = AclRecipes.create(REDIS, AclRecipes.OPERATOR);
        Capabilities caps = plain(uri);
        assertTrue(caps.verified(), caps.basis());
        assertEquals(EnumSet.of(Right.READ_CONFIG, Right.SET_CONFIG, Right.ROLE), lacking(caps), caps.denied().toString());
        assertTrue(caps.mayTransition());
    }

    @Test
    void theDefaultUserMayDoEverythingAndTheClientAsksTheSameOverLettuce() throws Exception {
        assertEquals(Set.of(), lacking(plain(REDIS.uri())));
        String uri = AclRecipes.create(REDIS, AclRecipes.VIEWER);
        RedisEndpoint endpoint = RedisEndpoint.parse(uri);
        try (RedisConnector connector = new RedisConnector(endpoint); StatefulRedisConnection<String, String> c = connector.connect()) {
            Capabilities overLettuce = CapabilityCheck.over(c.async(), endpoint, Patience.PLAIN);
            assertEquals(plain(uri).denied(), overLettuce.denied());
        }
    }

    @Test
    void whatLettuceSendsOnConnectIsNeverDeniedEvenToAUserWithoutConnectionCommands() {
        // no @connection: no CLIENT (SETNAME, SETINFO, MAINT_NOTIFICATIONS), no HELLO in its rights (HELLO and AUTH need none)
        REDIS.call("ACL", "SETUSER", "bare", "reset", "on", ">pw", "~instance*", "&*", "-@all", "+@read", "+ping", "+psubscribe");
        REDIS.redis().aclLogReset();
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://bare:pw@127.0.0.1:" + REDIS.server().port() + "/0");
        try (RedisConnector connector = new RedisConnector(endpoint); StatefulRedisConnection<String, String> c = connector.connect();
             StatefulRedisConnection<String, String> w = connector.connectWriter();
             io.lettuce.core.pubsub.StatefulRedisPubSubConnection<String, String> p = connector.connectPubSub()) {
            assertEquals("PONG", c.sync().ping());
            assertEquals("PONG", w.sync().ping());
            p.sync().psubscribe("__keyspace@0__:instance*");
        }
        assertEquals(List.of(), REDIS.redis().aclLog(), "the handshake (HELLO, CLIENT …) was denied something");
    }

    @Test
    void aUserWhoMayNotRunAclDryRunIsUnverifiedAfterOneDenial() {
        REDIS.call("ACL", "SETUSER", "blind", "reset", "on", ">pw", "~*", "&*", "+@all", "-acl");
        REDIS.redis().aclLogReset();
        Capabilities caps = plain("redis://blind:pw@127.0.0.1:" + REDIS.server().port() + "/0");
        assertFalse(caps.verified());
        assertTrue(caps.basis().contains("may not run ACL DRYRUN"), caps.basis());
        assertTrue(caps.mayTransition(), "unverified rights are tried, once");
        assertEquals(1, REDIS.redis().aclLog().size(), "the one question it could not know it may not ask");
    }
}
