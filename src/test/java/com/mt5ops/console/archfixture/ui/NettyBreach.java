package com.mt5ops.console.archfixture.ui;

/** Breaks "the window never touches Lettuce" through the Netty under it. */
public final class NettyBreach {
    io.netty.channel.EventLoop loop;
}
