package com.mt5ops.console.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import java.util.function.Function;

/**
 * A Lettuce URI whose credentials were read by the Redis URI scheme (see {@link UriText}), plus the two forms
 * that leave the process: {@code display} (scheme, host, port, db; for the screen and output) and
 * {@code remembered} (with the user name, never the password; for the settings file); and how every connection to
 * it speaks TLS ({@code tls}, for {@code rediss://}).
 */
public record RedisEndpoint(RedisURI uri, String display, String remembered, TlsSettings tls) {
    /** The password whenever the URI carries none, with or without a user name; the CLI and the window alike. */
    public static final String PASSWORD_ENV = "MT5_REDIS_PASSWORD";
    private static final String EXPECTED = "expected redis://[user[:password]@]host:port/db, rediss://…, "
            + "or redis-sentinel://host1:port1[,host2:port2]/db#master";

    /** {@code text} with the password, if it has none, from {@code env}'s {@value #PASSWORD_ENV}. */
    public static RedisEndpoint resolve(String text, Function<String, String> env) {
        return parse(text, env.apply(PASSWORD_ENV));
    }

    /** {@code text} alone, with whatever credentials it carries. */
    public static RedisEndpoint parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses {@code text}; {@code fallbackPassword} (may be null) is used when the URI has no password. A user name
     * without any password authenticates with an empty one (what a {@code nopass} ACL user accepts).
     */
    public static RedisEndpoint parse(String text, String fallbackPassword) {
        UriText parts;
        RedisURI uri;
        try {
            parts = UriText.split(text);
            uri = RedisURI.create(parts.withoutUserInfo());
        } catch (UriText.Malformed e) {
            throw badUri(text, e.getMessage());
        } catch (RuntimeException e) {
            // Lettuce's and java.net.URI's messages quote the text: none of them is shown
            throw badUri(text, EXPECTED);
        }
        if (uri.getVerifyMode() != SslVerifyMode.FULL) {
            // One rule for every connection: the plain reads and the live client verify alike.
            throw new RedisAccessException(RedisAccessException.Reason.BAD_URI, "?verifyPeer=" + uri.getVerifyMode()
                    + " is not supported: the console always verifies the server's certificate and host name"
                    + " (trust a private CA with --cacert)", null);
        }
        String password = parts.password() != null ? parts.password()
                : fallbackPassword == null || fallbackPassword.isEmpty() ? null : fallbackPassword;
        if (parts.user() != null) {
            uri.setAuthentication(parts.user(), (password == null ? "" : password).toCharArray());
        } else if (password != null) {
            uri.setAuthentication(password.toCharArray());
        }
        return new RedisEndpoint(uri, displayOf(uri), UriText.remembered(text), TlsSettings.JVM_DEFAULT);
    }

    /** This endpoint with {@code tls}; TLS files for a URI without TLS are a usage error (BAD_URI), not ignored. */
    public RedisEndpoint withTls(TlsSettings tls) {
        if (!tls.isJvmDefault() && !uri.isSsl()) {
            throw new RedisAccessException(RedisAccessException.Reason.BAD_URI,
                    "--cacert, --cert and --key are for TLS: use rediss:// (not " + display + ")", null);
        }
        return new RedisEndpoint(uri, display, remembered, tls);
    }

    public int database() {
        return uri.getDatabase();
    }

    @Override
    public String toString() {
        return "RedisEndpoint[" + display + "]";
    }

    private static RedisAccessException badUri(String text, String why) {
        String shown = UriText.masked(text);
        return new RedisAccessException(RedisAccessException.Reason.BAD_URI,
                "not a Redis URI" + (shown == null ? "" : ": '" + shown + "'") + " (" + why + ")", null);
    }

    private static String displayOf(RedisURI uri) {
        String scheme = uri.isSsl() ? "rediss" : "redis";
        if (uri.getSentinels() != null && !uri.getSentinels().isEmpty()) {
            RedisURI s = uri.getSentinels().get(0);
            return "redis-sentinel://" + s.getHost() + ":" + s.getPort() + "/" + uri.getDatabase() + "#" + uri.getSentinelMasterId();
        }
        if (uri.getSocket() != null) {
            return "redis-socket://" + uri.getSocket();
        }
        return scheme + "://" + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }
}
