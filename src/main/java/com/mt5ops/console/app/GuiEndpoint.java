package com.mt5ops.console.app;

import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.redis.TlsSettings;
import com.mt5ops.console.ui.settings.Settings;
import java.util.function.Function;

/**
 * Which Redis the window watches first: `--redis`, else `--profile`, else $MT5_REDIS_URI, else the remembered profile or
 * URI, else (or with `--demo`) the demo. Its password, when the URI has none, comes from $MT5_REDIS_PASSWORD as for
 * every CLI command (else the window asks when the server wants one).
 */
final class GuiEndpoint {
    static final String ENV_URI = "MT5_REDIS_URI";

    private GuiEndpoint() {
    }

    /** The URI text chosen, or null for the demo. */
    static String chosen(String option, boolean demo, Settings remembered, Function<String, String> env) {
        String fromEnv = env.apply(ENV_URI);
        String target = option != null ? option : fromEnv != null ? fromEnv : demo ? null : remembered.redis();
        return demo || target == null || target.isBlank() ? null : target;
    }

    /**
     * The first session's target. A profile's own TLS files apply unless --cacert, --cert or --key were given
     * ({@code tls}); an unknown --profile, or a URI or TLS file that cannot be used, throws (BAD_URI, one line).
     */
    static SessionTarget target(String option, String profile, boolean demo, Settings remembered, Function<String, String> env,
                                TlsSettings tls) {
        if (demo) {
            return SessionTarget.DEMO;
        }
        if (option == null && profile != null) {
            return profileTarget(ProfileTargets.named(profile, remembered.profiles()), env, tls);
        }
        String fromEnv = env.apply(ENV_URI);
        if (option == null && fromEnv == null && remembered.profile() != null) {
            var last = remembered.profiles().stream().filter(p -> p.name().equals(remembered.profile())).findFirst();
            if (last.isPresent()) {
                return profileTarget(last.get(), env, tls);
            }
        }
        RedisEndpoint endpoint = resolve(option, false, remembered, env, tls);
        return endpoint == null ? SessionTarget.DEMO : new SessionTarget(null, endpoint);
    }

    private static SessionTarget profileTarget(com.mt5ops.console.ui.settings.ConnectionProfile p, Function<String, String> env,
                                               TlsSettings tls) {
        return tls.isJvmDefault() ? ProfileTargets.target(p, env) : ProfileTargets.target(p, env, tls);
    }

    /** The endpoint to watch, or null for the demo; a URI that does not parse throws (BAD_URI, without its user info). */
    static RedisEndpoint resolve(String option, boolean demo, Settings remembered, Function<String, String> env) {
        return resolve(option, demo, remembered, env, TlsSettings.JVM_DEFAULT);
    }

    /** The same, with the TLS files of --cacert, --cert and --key (not used for the demo). */
    static RedisEndpoint resolve(String option, boolean demo, Settings remembered, Function<String, String> env, TlsSettings tls) {
        String target = chosen(option, demo, remembered, env);
        return target == null ? null : RedisEndpoint.resolve(target, env).withTls(tls);
    }
}
