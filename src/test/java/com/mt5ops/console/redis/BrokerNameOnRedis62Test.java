package com.mt5ops.console.redis;

import com.mt5ops.console.testing.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The broker rename contract on the embedded Redis 6.2, where a script cannot ask the ACL. */
class BrokerNameOnRedis62Test extends BrokerNameContract {
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
}
