package com.mt5ops.console.redis;

import com.mt5ops.console.testing.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transition contract on the embedded Redis 6.2, where a script cannot ask the ACL. */
class TransitionSafetyOnRedis62Test extends TransitionSafetyContract {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.embedded62();

    @Override
    RedisExtension redis() {
        return REDIS;
    }

    @Override
    boolean scriptCanAskAcl() {
        return false;
    }

    /** 6.2 has no selectors: SREM goes for every key (denying the key itself would stop EVAL before it runs). */
    @Override
    String[] deniesSremOnTheCrashedSet() {
        return new String[] {"-srem"};
    }
}
