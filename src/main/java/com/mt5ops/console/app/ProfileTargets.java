package com.mt5ops.console.app;

import com.mt5ops.console.redis.RedisAccessException;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.redis.TlsSettings;
import com.mt5ops.console.redis.UriText;
import com.mt5ops.console.ui.profiles.SessionControl.Checked;
import com.mt5ops.console.ui.settings.ConnectionProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * A connection profile as a session's target: its URI as the user info rule reads it, the user name in place of the
 * URI's when given, the password from $MT5_REDIS_PASSWORD (else none: the window asks), its TLS files read and checked.
 */
final class ProfileTargets {
    private ProfileTargets() {
    }

    /** The target of {@code p}; a URI or TLS file that cannot be used throws (BAD_URI, one line). */
    static SessionTarget target(ConnectionProfile p, Function<String, String> env, TlsSettings tls) {
        if (p.uri().isEmpty()) {
            throw new RedisAccessException(RedisAccessException.Reason.BAD_URI, "profile '" + p.name() + "' has no URI", null);
        }
        return new SessionTarget(p.name(), RedisEndpoint.resolve(SessionTarget.withUser(p.uri(), p.user()), env).withTls(tls));
    }

    /** The same, with the profile's own TLS files. */
    static SessionTarget target(ConnectionProfile p, Function<String, String> env) {
        return target(p, env, tls(p));
    }

    /** The profile named {@code name} among {@code profiles}; an unknown name throws (BAD_URI, naming the ones there are). */
    static ConnectionProfile named(String name, List<ConnectionProfile> profiles) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new RedisAccessException(
                RedisAccessException.Reason.BAD_URI, "no connection profile named '" + name + "'" + (profiles.isEmpty() ? " (there are none yet)"
                        : " (there are: " + String.join(", ", profiles.stream().map(ConnectionProfile::name).toList()) + ")"), null));
    }

    static TlsSettings tls(ConnectionProfile p) {
        return p.caCert().isEmpty() && p.cert().isEmpty() && p.key().isEmpty() ? TlsSettings.JVM_DEFAULT
                : TlsSettings.load(path(p.caCert()), path(p.cert()), path(p.key()));
    }

    /**
     * {@code p} as it is kept — the URI without user info, password or foreign query options, the user apart (the
     * URI's when the field is empty) — or why it cannot be used (no name, a URI that does not parse, TLS files).
     */
    static Checked check(ConnectionProfile p) {
        if (p.name().isEmpty()) {
            return new Checked(p, "a profile needs a name", "");
        }
        if (p.uri().isEmpty()) {
            return new Checked(p, "a profile needs a URI: redis://host:port/db, rediss://… or redis-sentinel://…", "");
        }
        try {
            target(p, name -> null); // parses the URI and reads the TLS files as a switch would
            UriText parts = UriText.split(p.uri());
            String user = p.user().isEmpty() && parts.user() != null ? parts.user() : p.user();
            ConnectionProfile kept = new ConnectionProfile(p.name(), UriText.remembered(parts.withoutUserInfo()), user,
                    p.caCert(), p.cert(), p.key());
            return new Checked(kept, "", parts.password() == null ? "" : "the password in its URI is not kept: the console asks for it");
        } catch (RedisAccessException e) {
            return new Checked(p, e.getMessage(), "");
        } catch (UriText.Malformed e) {
            return new Checked(p, "not a Redis URI: " + e.getMessage(), ""); // parsed above: not reached
        }
    }

    private static Path path(String file) {
        return file.isEmpty() ? null : Path.of(file);
    }
}
