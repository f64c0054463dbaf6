package com.mt5ops.console.redis;

import com.mt5ops.console.testing.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transition contract on redis-server 7 (the script asks the ACL before any write). */
class TransitionSafetyOnRedis7Test extends TransitionSafetyContract {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Override
    RedisExtension redis() {
        return REDIS;
    }

    @Override
    boolean scriptCanAskAcl() {
        return true;
    }

    /** A selector gives SREM back on every state set but the crashed one. */
    @Override
    String[] deniesSremOnTheCrashedSet() {
        return new String[] {"-srem", "(~instance:state:r* ~instance:state:stopped +srem)"};
    }
}
