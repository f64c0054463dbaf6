package com.mt5ops.console.sync;

import com.mt5ops.console.redis.Capabilities;
import com.mt5ops.console.redis.KeyConnection;
import com.mt5ops.console.redis.Patience;
import com.mt5ops.console.redis.RedisAccessException;
import com.mt5ops.console.sync.ClusterTopology.Master;
import io.lettuce.core.cluster.SlotHash;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The probe keys of a mirror on a Redis Cluster: one per master (named to land in that master's slots), written and
 * deleted through the cluster connection, so that each master's keyspace events prove its notifications flow.
 */
final class ClusterProbe {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClusterProbe.class);
    private static final long PROBE_TIMEOUT_MS = 5_000;

    private final KeyConnection control;
    private final MirrorAccess access;
    private final Patience patience;
    private final String probeId = UUID.randomUUID().toString();

    ClusterProbe(KeyConnection control, MirrorAccess access, Patience patience) {
        this.control = control;
        this.access = access;
        this.patience = patience;
    }

    /** Writes and deletes a probe key on each of {@code masters}, waiting at most a few seconds; a refusal is noted. */
    void send(List<Master> masters) {
        if (!access.mayProbe()) {
            return;
        }
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (Master m : masters) {
            String key = keyOn(m);
            sent.add(control.async().hset(key, "probe", "1").toCompletableFuture()
                    .thenCompose(x -> control.async().del(key).toCompletableFuture()));
        }
        try {
            patience.await(CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)), PROBE_TIMEOUT_MS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | RuntimeException refused) {
            LOG.debug("probe keys refused; waiting for other keyspace events: {}", refused.toString());
            Throwable cause = refused instanceof java.util.concurrent.ExecutionException e ? e.getCause() : null;
            if (cause != null && RedisAccessException.isDenial(String.valueOf(cause.getMessage()))) {
                access.refused(Capabilities.Right.PROBE, cause.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A probe key in one of {@code m}'s slots (a few tries on average: the slots are spread by CRC16). */
    private String keyOn(Master m) {
        for (int n = 0; n < 1_000_000; n++) {
            String key = MirrorConnection.PROBE_PREFIX + probeId + ":" + n;
            if (m.serves(SlotHash.getSlot(key))) {
                return key;
            }
        }
        return MirrorConnection.PROBE_PREFIX + probeId;
    }
}
