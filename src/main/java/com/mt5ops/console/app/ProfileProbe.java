package com.mt5ops.console.app;

import com.mt5ops.console.redis.Capabilities;
import com.mt5ops.console.redis.CapabilityCheck;
import com.mt5ops.console.redis.Patience;
import com.mt5ops.console.redis.RedisAccessException;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.ui.profiles.SessionControl.TestResult;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * A profile's Test: one connection of its own (the window's stays as it is), PING, and what its user may do
 * ({@link CapabilityCheck}), said in one line; or why it could not connect.
 */
final class ProfileProbe {
    private ProfileProbe() {
    }

    static TestResult run(RedisEndpoint endpoint) {
        try (RedisConnector connector = new RedisConnector(endpoint); StatefulRedisConnection<String, String> c = connector.connect()) {
            c.sync().ping();
            Capabilities may = CapabilityCheck.over(c.async(), endpoint, Patience.PLAIN);
            String rights = !may.may(Capabilities.Right.READ) ? "may not read the fleet: " + may.whyNot(Capabilities.Right.READ)
                    : may.mayTransition() ? "may read and act" : "may read (a read-only console)";
            return new TestResult(true, "OK: " + endpoint.display() + " answers; user '" + may.user() + "' " + rights);
        } catch (RedisAccessException e) {
            return failed(e);
        } catch (java.io.IOException | RuntimeException e) {
            return failed(RedisAccessException.from(endpoint.display(), e));
        }
    }

    private static TestResult failed(RedisAccessException e) {
        String line = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new TestResult(false, line + (RedisAccessException.isAuthFailure(line)
                ? " (no password is kept: Switch asks for it, or set $MT5_REDIS_PASSWORD)" : ""));
    }
}
