package com.mt5ops.console.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.testing.Fixtures;
import io.lettuce.core.cluster.SlotHash;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cluster mirror's per-master health on given times: LIVE n/m, which slots are down, what the machine is told. */
class ClusterHealthTest {
    private static final long T0 = 1_700_000_000_000L;
    private final ClusterTopology.Master a = master("a", "10.0.0.1:7001", 0, 5460);
    private final ClusterTopology.Master b = master("b", "10.0.0.2:7002", 5461, 10922);
    private final ClusterTopology.Master c = master("c", "10.0.0.3:7003", 10923, 16383);
    private final ClusterHealth health = new ClusterHealth(new ClusterTopology(List.of(a, b, c)), 2_000, new InstanceSlots());

    private static ClusterTopology.Master master(String id, String address, int from, int to) {
        BitSet slots = new BitSet();
        slots.set(from, to + 1);
        return new ClusterTopology.Master(id, address, slots);
    }

    private void allSubscribed() {
        assertFalse(health.subscribed("a"));
        assertFalse(health.subscribed("b"));
        assertTrue(health.subscribed("c"), "the last master's confirmation is the subscription");
        assertFalse(health.subscribed("c"), "only once");
    }

    @Test
    void mastersCountAsLiveOnlyOnceSubscribedAndNothingIsToldBeforeAllAre() {
        assertEquals("0/3", health.view(T0).ratio());
        assertEquals(16_384, health.view(T0).down().count());
        health.subscribed("a");
        assertNull(health.change(T0), "the subscription itself will be the news");
        assertEquals("1/3", health.view(T0).ratio());
        health.subscribed("b");
        health.subscribed("c");
        ClusterView v = health.view(T0);
        assertEquals("3/3", v.ratio());
        assertTrue(v.down().isEmpty());
        assertEquals("", v.detail());
        assertEquals(List.of("10.0.0.1:7001", "10.0.0.2:7002", "10.0.0.3:7003"), v.masters());
    }

    @Test
    void aMasterWhosePingIsOutForTwoSecondsIsStalledAndItsSlotsAreDownUntilItAnswers() {
        allSubscribed();
        assertTrue(health.ping("a", T0));
        assertTrue(health.ping("b", T0));
        assertTrue(health.ping("c", T0));
        health.answered("a");
        health.answered("c");
        assertFalse(health.ping("b", T0 + 1_000), "one PING out at a time");
        assertEquals("3/3", health.view(T0 + 1_999).ratio());
        assertNull(health.change(T0 + 1_999));
        ClusterView v = health.view(T0 + 2_300);
        assertEquals("2/3", v.ratio());
        assertEquals("10.0.0.2:7002 STALLED (no reply to PING for 2.3 s)", v.detail());
        assertEquals(5_462, v.down().count());
        assertTrue(v.down().has(5461) && v.down().has(10922) && !v.down().has(5460) && !v.down().has(10923));
        MirrorEvent.MastersDown told = health.change(T0 + 2_300);
        assertEquals(1, told.down());
        assertEquals("10.0.0.2:7002 STALLED (no reply to PING for 2.3 s)", told.which());
        assertNull(health.change(T0 + 3_000), "the same master still down: nothing new");
        assertSame(v.down(), health.view(T0 + 5_000).down(), "replaced only when the set changes");
        health.answered("b");
        assertEquals(0, health.change(T0 + 5_100).down());
        assertTrue(health.view(T0 + 5_100).down().isEmpty());
    }

    @Test
    void aLostConnectionIsDownUntilTheMasterIsSubscribedAgainAndAFailedPingUntilOneIsAnswered() {
        allSubscribed();
        health.linkLost("c");
        assertEquals("10.0.0.3:7003 RECONNECTING (connection lost)", health.view(T0).detail());
        assertEquals(1, health.change(T0).down());
        health.subscribed("c"); // Lettuce reconnected and subscribed again
        assertEquals(0, health.change(T0).down());
        health.ping("a", T0);
        health.pingFailed("a", "Command timed out");
        assertEquals("10.0.0.1:7001 PING failed: Command timed out", health.view(T0).detail());
        assertTrue(health.ping("a", T0 + 1_000), "sent again");
        health.answered("a");
        assertEquals("3/3", health.view(T0 + 1_000).ratio());
    }

    @Test
    void downSlotsGreyExactlyTheInstancesWithAnyKeyInThem() {
        allSubscribed();
        String id = Fixtures.newId();
        int metrics = SlotHash.getSlot(KeySchema.metricsKey(id));
        String owner = a.serves(metrics) ? "a" : b.serves(metrics) ? "b" : "c";
        health.linkLost(owner);
        DownSlots down = health.view(T0).down();
        assertTrue(down.covers(id), "its metrics hash lives on the master that is down");
        for (int k = 0; k < 200; k++) {
            String other = Fixtures.newId();
            boolean onIt = down.has(SlotHash.getSlot(KeySchema.instanceKey(other))) || down.has(SlotHash.getSlot(KeySchema.metricsKey(other)))
                    || down.has(SlotHash.getSlot(KeySchema.healthKey(other)));
            assertEquals(onIt, down.covers(other), other);
        }
        assertFalse(DownSlots.NONE.covers(id));
    }

    @Test
    void aTopologyChangeIsToldInWords() {
        ClusterTopology before = new ClusterTopology(List.of(a, b, c));
        ClusterTopology.Master promoted = new ClusterTopology.Master("d", "10.0.0.4:7004", b.slots());
        assertEquals("10.0.0.4:7004 is a master now, 10.0.0.2:7002 no longer serves slots, 5462 slots moved",
                before.changeTo(new ClusterTopology(List.of(a, promoted, c))));
        BitSet less = a.slots();
        less.clear(0);
        BitSet more = c.slots();
        more.set(0);
        ClusterTopology migrated = new ClusterTopology(List.of(new ClusterTopology.Master("a", a.address(), less), b,
                new ClusterTopology.Master("c", c.address(), more)));
        assertEquals("1 slot moved", before.changeTo(migrated));
        assertFalse(before.equals(migrated));
        assertEquals(before, new ClusterTopology(List.of(a, b, c)));
    }
}
