package com.mt5ops.console.sim;

import java.util.List;
import java.util.SplittableRandom;

/** Error texts like those MT5 terminals and their managers report. */
final class MtErrors {
    private static final List<String> CRASHES = List.of(
            "Trade server connection lost: no connection to trade server (code 6)",
            "Terminal not responding: heartbeat timeout after 30 s",
            "terminal64.exe exited with code 0xC0000005 (access violation in expert OnTick)",
            "Out of memory: terminal64.exe allocation of 512 MB failed",
            "Authorization failed: invalid account (code 64)",
            "Network error: connection reset by peer (WSAECONNRESET) on trade server",
            "History synchronization failed: disk write error on bases/",
            "Old version of the client terminal (code 9), update required");
    private static final List<String> WARNINGS = List.of(
            "Trade context busy (code 146), retrying",
            "Requote flood: 12 requotes in 10 s",
            "Ping to trade server 480 ms",
            "Market closed for symbol XAUUSD, orders queued");

    private MtErrors() {
    }

    static String crash(SplittableRandom random) {
        return CRASHES.get(random.nextInt(CRASHES.size()));
    }

    static String warning(SplittableRandom random) {
        return WARNINGS.get(random.nextInt(WARNINGS.size()));
    }
}
