package com.mt5ops.console.bench;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The load floor: SCAN plus pipelined HGETALL / SMEMBERS over the same keys, with no parsing at all. */
final class LoadFloor {
    private LoadFloor() {
    }

    static int readAll(StatefulRedisConnection<String, String> connection) throws Exception {
        RedisAsyncCommands<String, String> async = connection.async();
        connection.setAutoFlushCommands(false);
        try {
            List<RedisFuture<?>> replies = new ArrayList<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                RedisFuture<KeyScanCursor<String>> page = async.scan(cursor, ScanArgs.Builder.matches("instance*").limit(5000));
                connection.flushCommands();
                KeyScanCursor<String> keys = page.get(20, TimeUnit.SECONDS);
                for (String key : keys.getKeys()) {
                    replies.add(key.startsWith("instance:state:") ? async.smembers(key) : async.hgetall(key));
                }
                cursor = keys;
            } while (!cursor.isFinished());
            connection.flushCommands();
            for (RedisFuture<?> r : replies) {
                r.get(20, TimeUnit.SECONDS);
            }
            return replies.size();
        } finally {
            connection.setAutoFlushCommands(true);
        }
    }
}
