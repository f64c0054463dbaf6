package com.mt5ops.console.app;

import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.redis.TlsSettings;
import com.mt5ops.console.ui.settings.Settings;
import java.util.function.Function;

/**
 * Which Redis the window watches: `--redis`, else $MT5_REDIS_URI, else the remembered one, else (or with `--demo`)
 * the demo. Its password, when the URI has none, comes from $MT5_REDIS_PASSWORD as for every CLI command.
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
