package com.mt5ops.console.archfixture.ui;

/** Breaks "the window never touches Lettuce". */
public final class LettuceBreach {
    io.lettuce.core.RedisClient client;
}
