package com.mt5ops.console.sync;

import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The masters of a Redis Cluster that serve slots, as Lettuce last saw them: what one generation of the mirror
 * subscribes to. Two views are equal when the same nodes serve the same slots at the same addresses; replicas, flags
 * and masters without slots do not count (they hold no keys to hear about). Immutable.
 */
record ClusterTopology(List<Master> masters) {
    /** One master: its node id, host:port and slots. */
    record Master(String id, String address, BitSet slots) {
        Master {
            slots = (BitSet) slots.clone();
        }

        @Override
        public BitSet slots() {
            return (BitSet) slots.clone();
        }

        boolean serves(int slot) {
            return slots.get(slot);
        }
    }

    ClusterTopology {
        masters = List.copyOf(masters);
    }

    static ClusterTopology of(Iterable<RedisClusterNode> nodes) {
        List<Master> out = new ArrayList<>();
        for (RedisClusterNode n : nodes) {
            if (n.is(RedisClusterNode.NodeFlag.UPSTREAM) && !n.hasNoSlots() && n.getUri() != null) {
                BitSet slots = new BitSet(io.lettuce.core.cluster.SlotHash.SLOT_COUNT);
                n.forEachSlot(slots::set);
                out.add(new Master(n.getNodeId(), n.getUri().getHost() + ":" + n.getUri().getPort(), slots));
            }
        }
        out.sort(Comparator.comparing(Master::id));
        return new ClusterTopology(out);
    }

    List<String> addresses() {
        return masters.stream().map(Master::address).sorted().toList();
    }

    /** The master serving {@code slot}, or null. */
    Master owner(int slot) {
        for (Master m : masters) {
            if (m.serves(slot)) {
                return m;
            }
        }
        return null;
    }

    /** What changed from this view to {@code next}, in words: masters gained and lost, slots moved. */
    String changeTo(ClusterTopology next) {
        Map<String, Master> before = byId(this);
        Map<String, Master> after = byId(next);
        List<String> parts = new ArrayList<>();
        after.forEach((id, m) -> {
            if (!before.containsKey(id)) {
                parts.add(m.address() + " is a master now");
            }
        });
        before.forEach((id, m) -> {
            if (!after.containsKey(id)) {
                parts.add(m.address() + " no longer serves slots");
            }
        });
        int moved = 0;
        for (int slot = 0; slot < io.lettuce.core.cluster.SlotHash.SLOT_COUNT; slot++) {
            Master was = owner(slot);
            Master is = next.owner(slot);
            if (was == null ? is != null : is == null || !was.id().equals(is.id())) {
                moved++;
            }
        }
        if (moved > 0) {
            parts.add(moved + (moved == 1 ? " slot" : " slots") + " moved");
        }
        if (parts.isEmpty()) {
            parts.add("a master's address changed");
        }
        return String.join(", ", parts);
    }

    private static Map<String, Master> byId(ClusterTopology t) {
        Map<String, Master> m = new TreeMap<>();
        t.masters.forEach(x -> m.put(x.id(), x));
        return m;
    }
}
