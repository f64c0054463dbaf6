package com.mt5ops.console.archfixture.sim;

/** Obeys the rules: sim uses redis. */
public final class Simulator {
    com.mt5ops.console.archfixture.redis.Store store;
}
