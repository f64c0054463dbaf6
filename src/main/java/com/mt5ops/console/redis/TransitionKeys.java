package com.mt5ops.console.redis;

import com.mt5ops.console.model.KeySchema;
import java.util.Optional;

/**
 * The console's own keys for transitions across slots. Each carries the hash tag of the key it belongs with, so
 * Redis Cluster keeps it in that key's slot: {@code {instance:<id>}:console:txn} beside {@code instance:<id>}, and
 * {@code {instance_health:<id>}:console:counted} beside {@code instance_health:<id>}. Neither starts with
 * {@code instance}, so the mirror's SCAN and keyspace pattern never see them.
 */
public final class TransitionKeys {
    private static final String PENDING_SUFFIX = "}:console:txn";
    private static final String COUNTED_SUFFIX = "}:console:counted";
    /** SCAN MATCH pattern of every pending record. */
    public static final String PENDING_PATTERN = "{" + KeySchema.INSTANCE_PREFIX + "*" + PENDING_SUFFIX;

    private TransitionKeys() {
    }

    /** The pending record of a transition of {@code id}: in the slot of {@code instance:<id>}. */
    public static String pending(String id) {
        return "{" + KeySchema.instanceKey(id) + PENDING_SUFFIX;
    }

    /** The transactions whose restart marking was counted on {@code id}: in the slot of {@code instance_health:<id>}. */
    public static String counted(String id) {
        return "{" + KeySchema.healthKey(id) + COUNTED_SUFFIX;
    }

    /** The instance id a pending record's key names; empty for any other key. */
    public static Optional<String> idOfPending(String key) {
        String head = "{" + KeySchema.INSTANCE_PREFIX;
        if (key.startsWith(head) && key.endsWith(PENDING_SUFFIX) && key.length() > head.length() + PENDING_SUFFIX.length()) {
            String id = key.substring(head.length(), key.length() - PENDING_SUFFIX.length());
            // A '}' inside would end the hash tag early: that key is not in the instance's slot, so not ours.
            return id.indexOf('}') < 0 ? Optional.of(id) : Optional.empty();
        }
        return Optional.empty();
    }
}
