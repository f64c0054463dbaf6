package com.mt5ops.console.sync;

/**
 * What the mirror may change on the server it watches. Read-only sends no write command at all (no probe key, no
 * CONFIG SET); otherwise it may write its probe key, and add the missing notification flags only with consent.
 */
public record MirrorRights(boolean mayWrite, boolean mayEnableNotifications) {
    /** Watches and never writes. */
    public static final MirrorRights READ_ONLY = new MirrorRights(false, false);

    public MirrorRights {
        mayEnableNotifications = mayWrite && mayEnableNotifications;
    }
}
