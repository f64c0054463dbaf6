package com.mt5ops.console.app;

import com.mt5ops.console.cli.CliContext;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.redis.TlsSettings;
import com.mt5ops.console.ui.settings.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as `gui` runs it, against test Redis servers: the session loop on a thread of its own, the settings in a
 * test folder, the environment a map. Closing it closes the window and waits for the loop to end.
 */
final class WindowSessions implements AutoCloseable {
    final SettingsStore store;
    final GuiSessions sessions;
    final StringWriter err = new StringWriter();
    private final ExecutorService io = java.util.concurrent.Executors.newFixedThreadPool(2);
    private final Thread loop;
    private volatile Integer exit;

    /** Opens what `gui --redis uri` (null: the remembered connection, else the demo) would, with {@code env}. */
    WindowSessions(Path settingsDir, Settings settings, Map<String, String> env, String uri) throws Exception {
        FxToolkit.registerPrimaryStage();
        store = new SettingsStore(settingsDir);
        CliContext ctx = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(err), Clock.systemUTC(),
                FreshnessPolicy.defaults(), new TransitionTable(), env::get);
        SessionTarget first = GuiEndpoint.target(uri, null, false, settings, env::get, TlsSettings.JVM_DEFAULT);
        sessions = new GuiSessions(ctx, store, settings, new GuiSession.Options(false, false, 20), io, () -> { });
        loop = new Thread(() -> {
            try {
                exit = sessions.run(first, CompletableFuture.completedFuture(null), w -> { });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-window-sessions");
        loop.start();
    }

    /** Reads FX state on the FX thread. */
    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void waitFor(long seconds, Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within " + seconds + " s: " + what);
        }
    }

    /** The window's title now. */
    String title() {
        return fx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.stage.Stage s && s.getTitle() != null
                && s.getTitle().startsWith("MT5 Instance Console")).map(w -> ((javafx.stage.Stage) w).getTitle()).findFirst().orElse(""));
    }

    /** How many instances the showing window's Total tile counts (-1 before it shows one). */
    static int fleetShown(org.testfx.api.FxRobot robot) {
        return fx(() -> robot.lookup("#kpi-total").queryAll().stream()
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .map(n -> (int) ((eu.hansolo.tilesfx.Tile) n).getValue()).reduce((a, b) -> b).orElse(-1));
    }

    GuiSession current() {
        return sessions.current();
    }

    @Override
    public void close() throws Exception {
        sessions.close();
        loop.join(20_000);
        FxToolkit.cleanupStages();
        io.shutdownNow();
        if (loop.isAlive() || exit == null || exit != 0) {
            throw new AssertionError("the session loop did not end cleanly: exit " + exit + ", " + err);
        }
    }
}
