package com.mt5ops.console.app;

import com.mt5ops.console.cli.CliContext;
import com.mt5ops.console.cli.ExitCodes;
import com.mt5ops.console.cli.TlsOptions;
import com.mt5ops.console.redis.RedisAccessException;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.sync.BrokerNameMirror;
import com.mt5ops.console.sync.FleetMirror;
import com.mt5ops.console.sync.MirrorConfig;
import com.mt5ops.console.sync.MirrorRights;
import com.mt5ops.console.ui.services.ConsoleServices;
import com.mt5ops.console.ui.MainWindow;
import com.mt5ops.console.ui.fx.FxStartup;
import com.mt5ops.console.ui.settings.Settings;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
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
        com.mt5ops.console.ui.settings.Settings settings = store.load();
        debugAt("settings read");
        RedisEndpoint endpoint;
        try {
            endpoint = GuiEndpoint.resolve(uri, demo, settings, ctx.env(), tls.settings());
        } catch (RedisAccessException e) {
            ctx.err().println("error: " + e.getMessage());
            ctx.err().flush();
            return ExitCodes.USAGE;
        }
        boolean useDemo = endpoint == null;
        DemoEnvironment demoEnv = null;
        if (useDemo) {
            try {
                demoEnv = DemoEnvironment.start(demoInstances, Math.max(20, demoInstances / 4.0));
            } catch (IOException | RuntimeException e) {
                ctx.err().println("error: cannot start the demo Redis: " + e.getMessage()
                        + " (install redis-server, or run with --redis redis://host:port)");
                ctx.err().flush();
                return ExitCodes.UNAVAILABLE;
            }
            endpoint = demoEnv.endpoint();
        }
        try (Executors executors = new Executors();
             RedisConnector connector = new RedisConnector(endpoint);
             FleetMirror mirror = new FleetMirror(connector, new com.mt5ops.console.model.InstanceParser(settings.freshness()),
                     MirrorConfig.defaults(), ctx.clock(), MirrorRights.of(readOnly, enableNotifications));
             WriteGateway gateway = new WriteGateway(connector, ctx.table(), executors.io(), mirror.access().capabilities());
             BrokerNameMirror brokerNames = new BrokerNameMirror(connector, mirror, java.time.Duration.ofSeconds(30))) {
            if (!useDemo) {
                settings = settings.withRedis(endpoint.remembered());
            }
            // Read-only wires no write path at all: an action cannot reach Redis even if a control slipped through.
            ConsoleServices services = new ConsoleServices(mirror, readOnly ? WriteGateway::refuseReadOnly : gateway::apply, gateway::audit, ctx.table(), settings.freshness(),
                    endpoint.display(), useDemo, readOnly, System.getProperty("user.name"), com.mt5ops.console.cli.Host.name(), ConsoleServices.ALERT_EVERY,
                    brokerNames, readOnly ? WriteGateway::refuseReadOnlyRename : gateway::renameBroker);
            CountDownLatch closed = new CountDownLatch(1);
            Settings remembered = settings;
            java.util.concurrent.atomic.AtomicReference<Stage> shown = new java.util.concurrent.atomic.AtomicReference<>();
            // Ctrl+C or SIGTERM: close the window first, so the mirror and the demo Redis stop in order.
            Thread onSignal = new Thread(() -> {
                fx.stopping();
                Stage s = shown.get();
                if (s != null && closed.getCount() > 0) {
                    Platform.runLater(s::hide);
                    try {
                        closed.await(3, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "gui-stop");
            Runtime.getRuntime().addShutdownHook(onSignal);
            // Reads while JavaFX starts; the window joins with the whole fleet, then gets changes. The live client
            // connects once the window has drawn that first picture (it would compete with it for the CPU).
            java.util.concurrent.CompletableFuture<Void> pictureShown = new java.util.concurrent.CompletableFuture<>();
            mirror.start(pictureShown, java.time.Duration.ofSeconds(5));
            brokerNames.start(); // reads from the fleet's first full sync on, when the client is up
            if (!readOnly) { // completes transitions cut short on a cluster, once the rights are known and after reconnects
                gateway.recoverNowAndAfterReconnects(mirror);
            }
            try {
                fxReady.join();
            } catch (java.util.concurrent.CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                ctx.err().println("error: cannot open a window: " + cause.getMessage()
                        + " (is DISPLAY set? snapshot, watch and the other commands need no display)");
                ctx.err().flush();
                return ExitCodes.UNAVAILABLE;
            }
            DemoEnvironment demo = demoEnv;
            Platform.runLater(() -> {
                Stage stage = new Stage();
                shown.set(stage);
                MainWindow window = new MainWindow(stage, services, executors.io(), remembered, store::save);
                debugAt("window built");
                if (demo != null) {
                    demo.onTrouble(text -> Platform.runLater(() -> window.notice(text)));
                }
                stage.setOnHidden(e -> {
                    window.stop();
                    closed.countDown();
                });
                window.show();
                debugAt("window shown");
                window.firstPicture().thenRun(() -> {
                    pictureShown.complete(null);
                    debugAt("first picture");
                    if (exitAfterFirstData) {
                        reportAndClose(window, stage);
                    }
                });
            });
            closed.await();
            Platform.exit();
            return ExitCodes.DONE;
        } finally {
            if (demoEnv != null) {
                demoEnv.close();
            }
        }
    }

    private void reportAndClose(MainWindow window, Stage stage) {
        long cpuMs = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1_000_000 : -1;
        ctx.out().printf("first_data_ms=%d instances=%d cpu_ms=%d%n", Uptime.ms(), window.viewModel().visible().size(), cpuMs);
        ctx.out().flush();
        Platform.runLater(stage::hide);
    }

    private static void debugAt(String what) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} at {} ms", what, Uptime.ms());
        }
    }
}
