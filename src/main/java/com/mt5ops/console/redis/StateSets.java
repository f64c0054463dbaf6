package com.mt5ops.console.redis;

import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.KeySchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The index set keys of the known states, in the order the scripts receive them. */
final class StateSets {
    static final String KNOWN = " " + Arrays.stream(InstanceState.values()).map(InstanceState::wire).collect(Collectors.joining(" ")) + " ";

    private StateSets() {
    }

    /** {@code first} followed by the set key of every known state. */
    static String[] keysAfter(String... first) {
        List<String> keys = new ArrayList<>(Arrays.asList(first));
        for (InstanceState s : InstanceState.values()) {
            keys.add(KeySchema.stateSetKey(s.wire()));
        }
        return keys.toArray(String[]::new);
    }
}
