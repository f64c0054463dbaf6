package com.mt5ops.console.redis;

import com.mt5ops.console.testing.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The broker rename contract on the redis-server on the PATH (7), where the script asks the ACL first. */
class BrokerNameOnRedis7Test extends BrokerNameContract {
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
}
