package com.mt5ops.console.redis;

import com.mt5ops.console.testing.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The slot-safe protocol on the embedded Redis 6.2, where a script cannot ask the ACL. */
class SlotSafeOnRedis62Test extends SlotSafeSingleServerContract {
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
