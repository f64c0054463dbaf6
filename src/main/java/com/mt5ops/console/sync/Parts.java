package com.mt5ops.console.sync;

import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.redis.FleetLoader;

/** Bit masks for an id's three hashes, so the mirror refetches only the hash that changed. */
final class Parts {
    static final int NONE = 0;
    static final int INSTANCE = FleetLoader.INSTANCE;
    static final int METRICS = FleetLoader.METRICS;
    static final int HEALTH = FleetLoader.HEALTH;

    private Parts() {
    }

    static int of(KeySchema.Kind kind) {
        return switch (kind) {
            case INSTANCE -> INSTANCE;
            case METRICS -> METRICS;
            case HEALTH -> HEALTH;
            case STATE_SET -> NONE;
        };
    }
}
