package com.mt5ops.console.ui.profiles;

/**
 * What the window shows about the connection it watches: the profile's name (null when it was opened from a URI),
 * the endpoint's display form (no user info), the Redis user it authenticates as (null: none given), where the
 * server is ({@code host:port}) for the password prompt, and whether it is the private demo.
 */
public record SessionInfo(String profile, String display, String user, String where, boolean demo) {

    /** The name the title and the status bar give the connection: the profile's, else the endpoint's display form. */
    public String name() {
        return profile != null ? profile : display;
    }
}
