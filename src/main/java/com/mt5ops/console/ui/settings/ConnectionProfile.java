package com.mt5ops.console.ui.settings;

/**
 * A named Redis the operator switches to: its URI (never with a password), the Redis user (blank: the URI's, else
 * {@code default}) and the PEM files for TLS ({@code --cacert}, {@code --cert}, {@code --key}; blank: none). The
 * password comes from $MT5_REDIS_PASSWORD or the window's prompt, each time; it is never part of a profile.
 */
public record ConnectionProfile(String name, String uri, String user, String caCert, String cert, String key) {

    public ConnectionProfile {
        name = trimmed(name);
        uri = trimmed(uri);
        user = trimmed(user);
        caCert = trimmed(caCert);
        cert = trimmed(cert);
        key = trimmed(key);
    }

    /** The same profile with {@code uri} in place of its own (the password-free form the settings keep). */
    public ConnectionProfile withUri(String newUri) {
        return new ConnectionProfile(name, newUri, user, caCert, cert, key);
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.strip();
    }
}
