package com.mt5ops.console.archfixture.model;

/** Breaks the layer order (model uses redis) and, as redis uses model, makes a two-package cycle. */
public final class UpwardBreach {
    com.mt5ops.console.archfixture.redis.Store store;
}
