package com.mt5ops.console.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.testing.Await;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.MirrorCompare;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis 6.2 cannot be asked (no ACL DRYRUN): a viewer's console learns from refusals instead, and tries each kind of
 * refused command once, never again, while it follows the fleet.
 */
class ViewerMirrorOnRedis62Test {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.embedded62();

    @Test
    void aViewerTriesEachRefusedKindOfCommandOnceAndStillFollowsTheFleet() throws Exception {
        RedisCommands<String, String> r = REDIS.redis();
        r.configSet("notify-keyspace-events", "Kghsx");
        String id = Fixtures.instance(r, "running");
        REDIS.call("ACL", "SETUSER", "viewer", "reset", "on", ">pw", "~instance*", "~console:audit", "&*", "-@all", "+@read",
                "+@connection", "+psubscribe");
        r.aclLogReset();
        String uri = "redis://viewer:pw@127.0.0.1:" + REDIS.server().port() + "/0";
        try (RedisConnector connector = new RedisConnector(RedisEndpoint.parse(uri));
             FleetMirror mirror = new FleetMirror(connector, new InstanceParser(FreshnessPolicy.defaults()), MirrorConfig.defaults(),
                     Clock.systemUTC())) {
            mirror.start();
            assertFalse(mirror.access().capabilities().toCompletableFuture().get(10, TimeUnit.SECONDS).verified());
            for (int k = 0; k < 8; k++) { // a fleet that moves: each change read through the viewer's own means
                r.hset("instance_metrics:" + id, Map.of("cpu_usage", k + ".5"));
                Await.until(Duration.ofSeconds(5), () -> MirrorCompare.difference(mirror, REDIS.uri()) == null,
                        () -> MirrorCompare.difference(mirror, REDIS.uri()));
            }
            assertTrue(mirror.stats().state().isCurrent(), "state " + mirror.stats());
            assertFalse(r.aclLog().isEmpty(), "6.2 cannot be asked: refusals are how it learns");
            // past a notifications recheck and a probe round: a refused kind of command is never sent again
            Await.holds(Duration.ofSeconds(11), () -> r.aclLog().stream().allMatch(e -> ((Number) e.get("count")).longValue() == 1L),
                    () -> "tried again after a refusal: " + r.aclLog());
            List<Map<String, Object>> log = r.aclLog();
            assertTrue(log.size() <= 3, "at most CONFIG GET, the read script and the probe key: " + log);
        }
    }
}
