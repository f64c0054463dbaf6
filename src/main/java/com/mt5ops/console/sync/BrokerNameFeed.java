package com.mt5ops.console.sync;

import java.util.Map;
import java.util.function.Consumer;

/** The shared broker names (broker id -> name) as a view needs them: the names now, then every change. */
@FunctionalInterface
public interface BrokerNameFeed {
    /** No names at all (a console or bench without them). */
    BrokerNameFeed NONE = listener -> listener.accept(Map.of());

    /** {@code listener} gets the names held now at once, then each new set of names, on the feed's own thread. */
    void addListener(Consumer<Map<String, String>> listener);
}
