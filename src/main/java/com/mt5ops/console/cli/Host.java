package com.mt5ops.console.cli;

import java.io.IOException;
import java.net.InetAddress;

/** The name of this machine, as written into the audit trail. */
public final class Host {
    private Host() {
    }

    public static String name() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
