package com.mt5ops.console.sync;

/**
 * What the operator lets the mirror change on the server it watches, within what the Redis user may do at all
 * ({@link MirrorAccess}). Read-only sends no write command at all (no probe key, no CONFIG SET); otherwise it may write
 * its probe key, and add the missing notification flags only with consent ({@code --enable-notifications}).
 */
public record MirrorRights(boolean mayWrite, boolean mayEnableNotifications) {
    /** Watches and never writes. */
    public static final MirrorRights READ_ONLY = new MirrorRights(false, false);
    /** The default: may write its probe key, never changes the server's configuration. */
    public static final MirrorRights NO_CONSENT = new MirrorRights(true, false);

    public MirrorRights {
        mayEnableNotifications = mayWrite && mayEnableNotifications;
    }

    /** As the command line gives them: {@code --read-only}, {@code --enable-notifications}. */
    public static MirrorRights of(boolean readOnly, boolean enableNotifications) {
        return readOnly ? READ_ONLY : new MirrorRights(true, enableNotifications);
    }
}
