package com.mt5ops.console.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.RedisExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis 6.2 has no ACL DRYRUN: the console sees that (COMMAND INFO) and never asks it, so nothing is denied. */
class CapabilityCheckOnRedis62Test {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.embedded62();

    @Test
    void onRedis62EveryRightIsUnverifiedAndAskingDeniesNothing() {
        REDIS.call("ACL", "SETUSER", "viewer", "reset", "on", ">pw", "~instance*", "&*", "-@all", "+@read", "+@connection", "+psubscribe");
        REDIS.redis().aclLogReset();
        Capabilities caps = CapabilityCheck.overPlain(RedisEndpoint.parse("redis://viewer:pw@127.0.0.1:" + REDIS.server().port() + "/0"))
                .orElseThrow();
        assertFalse(caps.verified());
        assertTrue(caps.basis().contains("no ACL DRYRUN"), caps.basis());
        assertEquals(List.of(), REDIS.redis().aclLog());
    }
}
