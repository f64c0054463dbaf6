package com.mt5ops.console.redis;

import com.mt5ops.console.testing.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The slot-safe protocol on one redis-server 7 (the decision script asks the ACL for every step). */
class SlotSafeOnRedis7Test extends SlotSafeSingleServerContract {
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
