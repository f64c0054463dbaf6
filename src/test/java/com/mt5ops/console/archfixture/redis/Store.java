package com.mt5ops.console.archfixture.redis;

/** Obeys the rules: redis uses model. */
public final class Store {
    com.mt5ops.console.archfixture.model.Part part;
}
