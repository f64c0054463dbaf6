package com.mt5ops.console.app;

import com.mt5ops.console.cli.CliContext;
import com.mt5ops.console.cli.ExitCodes;
import com.mt5ops.console.cli.TlsOptions;
import com.mt5ops.console.redis.RedisAccessException;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.ui.MainWindow;
import com.mt5ops.console.ui.fx.FxStartup;
import com.mt5ops.console.ui.settings.Settings;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `gui`: the desktop console; with no Redis configured (or --demo) it starts the private demo. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the desktop console (the default). Without --redis it opens the demo.")
public final class GuiCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GuiCommand.class);

    private final CliContext ctx;
    private final FxStartup fx;

    @Option(names = "--redis", paramLabel = "URI", description = "the Redis to watch (default: $" + GuiEndpoint.ENV_URI
            + ", else the last one, else the demo); the password may come from $" + RedisEndpoint.PASSWORD_ENV)
    String uri;

    @Mixin
    TlsOptions tls;

    @Option(names = "--profile", paramLabel = "NAME", description = "the connection profile to open (made in the window's "
            + "profiles menu; its TLS files apply unless --cacert, --cert or --key are given)")
    String profile;

    @Option(names = "--read-only", description = "never write: action buttons are disabled")
    boolean readOnly;

    @Option(names = "--enable-notifications", description = "allow adding the missing K g h s x to notify-keyspace-events "
            + "(CONFIG SET, keeping every flag set); without it the console changes no server configuration by itself")
    boolean enableNotifications;

    @Option(names = "--demo", description = "start a private Redis with a simulated fleet (never touches another Redis)")
    boolean demo;

    @Option(names = "--demo-instances", defaultValue = "250", description = "demo fleet size (default: ${DEFAULT-VALUE})")
    int demoInstances;

    /** For `bench`: report when the window first shows the fleet (after that frame's layout), then close. */
    @Option(names = "--exit-after-first-data", hidden = true)
    boolean exitAfterFirstData;

    public GuiCommand(CliContext ctx, FxStartup fx) {
        this.ctx = ctx;
        this.fx = fx;
    }

    @Override
    public Integer call() throws Exception {
        debugAt("gui command");
        java.util.concurrent.CompletableFuture<Void> fxReady = fx.start(); // at once, unless the launcher already did
        fxReady.thenRun(() -> debugAt("fx started"));
        SettingsStore store = SettingsStore.forUser();
        Settings settings = store.load();
        debugAt("settings read");
        SessionTarget first;
        try {
            first = GuiEndpoint.target(uri, profile, demo, settings, ctx.env(), tls.settings());
        } catch (RedisAccessException e) {
            ctx.err().println("error: " + e.getMessage());
            ctx.err().flush();
            return ExitCodes.USAGE;
        }
        try (Executors executors = new Executors()) {
            GuiSessions sessions = new GuiSessions(ctx, store, settings, new GuiSession.Options(readOnly, enableNotifications, demoInstances),
                    executors.io(), fx::stopping);
            int exit = sessions.run(first, fxReady, window -> {
                debugAt("first picture");
                if (exitAfterFirstData) {
                    report(window);
                    sessions.close();
                }
            });
            if (exit == ExitCodes.DONE) {
                Platform.exit();
            }
            return exit;
        }
    }

    private void report(MainWindow window) {
        long cpuMs = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1_000_000 : -1;
        ctx.out().printf("first_data_ms=%d instances=%d cpu_ms=%d%n", Uptime.ms(), window.viewModel().visible().size(), cpuMs);
        ctx.out().flush();
    }

    private static void debugAt(String what) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} at {} ms", what, Uptime.ms());
        }
    }
}
