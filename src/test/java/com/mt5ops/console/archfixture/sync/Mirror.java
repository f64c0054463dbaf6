package com.mt5ops.console.archfixture.sync;

/** Obeys the rules: sync uses redis and model. */
public final class Mirror {
    com.mt5ops.console.archfixture.redis.Store store;
    com.mt5ops.console.archfixture.model.Part part;
}
