package com.mt5ops.console.app;

import com.mt5ops.console.cli.CliContext;
import com.mt5ops.console.cli.ExitCodes;
import com.mt5ops.console.redis.RedisAccessException;
import com.mt5ops.console.ui.MainWindow;
import com.mt5ops.console.ui.profiles.ConnectionControls;
import com.mt5ops.console.ui.profiles.SessionControl;
import com.mt5ops.console.ui.settings.ConnectionProfile;
import com.mt5ops.console.ui.settings.Settings;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's sessions, one after another in one window: the first from the command line, then each switch (to a
 * profile, to the demo, or to the same endpoint with a password the operator typed) closes the current session's
 * connections (and demo) and opens the next, until the window closes. Answers what the window asks about its
 * connection ({@link SessionControl}) and keeps the settings: the view, the last connection and the profiles.
 */
final class GuiSessions implements SessionControl {
    private static final Logger LOG = LoggerFactory.getLogger(GuiSessions.class);
    private final CliContext ctx;
    private final SettingsStore store;
    private final GuiSession.Options options;
    private final Executor io;
    private final Runnable onSignal;
    private final AtomicReference<Settings> latest;
    /** The next session's target, or empty once the window has closed. */
    private final BlockingQueue<Optional<SessionTarget>> requests = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile GuiSession current;
    private volatile Stage shownStage;
    // the FX thread's own
    private MainWindow window;
    private ConnectionControls controls;

    /** {@code onSignal} runs first when Ctrl+C or SIGTERM closes the window. */
    GuiSessions(CliContext ctx, SettingsStore store, Settings settings, GuiSession.Options options, Executor io, Runnable onSignal) {
        this.ctx = ctx;
        this.store = store;
        this.latest = new AtomicReference<>(settings);
        this.options = options;
        this.io = io;
        this.onSignal = onSignal;
    }

    /**
     * Runs the window from {@code first} until it closes; {@code onFirstPicture} gets the first session's window once it
     * shows the fleet. The first session starts reading while JavaFX still starts ({@code fxReady}).
     */
    int run(SessionTarget first, CompletableFuture<Void> fxReady, Consumer<MainWindow> onFirstPicture) throws InterruptedException {
        try {
            current = GuiSession.open(first, options, ctx, latest.get().freshness(), io);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuntimeException r && !first.isDemo()) {
                throw r;
            }
            ctx.err().println("error: cannot start the demo Redis: " + e.getMessage() + " (install redis-server, or run with --redis redis://host:port)");
            ctx.err().flush();
            return ExitCodes.UNAVAILABLE;
        }
        // Ctrl+C or SIGTERM: close the window first, so the mirror and the demo Redis stop in order.
        Thread hook = new Thread(this::closeOnSignal, "gui-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            begin(current);
            try {
                fxReady.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                ctx.err().println("error: cannot open a window: " + cause.getMessage()
                        + " (is DISPLAY set? snapshot, watch and the other commands need no display)");
                ctx.err().flush();
                return ExitCodes.UNAVAILABLE;
            }
            GuiSession opening = current;
            Platform.runLater(() -> show(opening, onFirstPicture));
            for (Optional<SessionTarget> next = requests.take(); next.isPresent(); next = requests.take()) {
                moveTo(next.get());
            }
            return ExitCodes.DONE;
        } finally {
            current.close();
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what runs now
            }
        }
    }

    /** The session the window shows (or is about to). */
    GuiSession current() {
        return current;
    }

    /** Closes the window (from any thread): {@link #run} returns once the session is closed. */
    void close() {
        Stage s = shownStage;
        if (s != null) {
            Platform.runLater(s::hide);
        }
    }

    private void closeOnSignal() {
        onSignal.run();
        if (shownStage != null && ended.getCount() > 0) {
            close();
            try {
                ended.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The next session replaces the current one; if it cannot even open (the demo's Redis), the window says why and stays. */
    private void moveTo(SessionTarget target) {
        GuiSession next;
        try {
            next = GuiSession.open(target, options, ctx, latest.get().freshness(), io);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot open {}: {}", target.isDemo() ? "the demo" : target.endpoint(), e.toString());
            String why = (target.isDemo() ? "cannot start the demo Redis: " : "cannot connect: ") + e.getMessage();
            Platform.runLater(() -> window.notice(why));
            return;
        }
        GuiSession old = current;
        current = next;
        old.close();
        begin(next);
        Platform.runLater(() -> show(next, w -> { }));
    }

    private void begin(GuiSession session) {
        if (!session.target.isDemo()) {
            latest.updateAndGet(s -> s.withConnection(session.endpoint.remembered(), session.target.profile()));
        }
        session.start();
    }

    /** Builds the session's window in the stage (FX thread), carrying over the view as the operator left it. */
    private void show(GuiSession session, Consumer<MainWindow> onFirstPicture) {
        if (session != current) {
            return; // replaced before it was shown
        }
        Stage stage = shownStage != null ? shownStage : newStage();
        double[] size = {stage.getWidth(), stage.getHeight()};
        if (window != null) {
            Settings view = window.settingsNow();
            latest.updateAndGet(s -> s.withView(view.theme(), view.view(), view.sort(), view.problemsOnly(), view.freshnessFilter()));
            controls.dispose();
            window.stop();
            stage.getIcons().clear();
        }
        MainWindow shown = new MainWindow(stage, session.services, io, latest.get(), this::saveOnClose);
        if (window != null && !stage.isMaximized()) { // the new scene would bring its own size
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
        }
        window = shown;
        controls = new ConnectionControls(stage, shown.viewModel(), session.info(), this, text -> shown.notice(text));
        shown.addStatusControl(controls.node());
        if (session.demo != null) {
            session.demo.onTrouble(text -> Platform.runLater(() -> shown.notice(text)));
        }
        rememberOnceCurrent(shown, session);
        shown.show();
        shown.firstPicture().thenRun(() -> {
            session.pictureShown.complete(null);
            onFirstPicture.accept(shown);
        });
    }

    private Stage newStage() {
        Stage stage = new Stage();
        stage.setOnHidden(e -> {
            window.stop();
            requests.add(Optional.empty());
        });
        shownStage = stage;
        return stage;
    }

    /** The settings file learns the endpoint (never its password) once the session is connected. */
    private void rememberOnceCurrent(MainWindow shown, GuiSession session) {
        if (session.target.isDemo()) {
            return;
        }
        shown.viewModel().stats().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends com.mt5ops.console.sync.MirrorStats> o,
                                com.mt5ops.console.sync.MirrorStats before, com.mt5ops.console.sync.MirrorStats now) {
                if (now != null && now.state().isCurrent()) {
                    o.removeListener(this);
                    store.save(latest.get());
                }
            }
        });
    }

    private void saveOnClose(Settings view) {
        store.save(latest.updateAndGet(s -> s.withView(view.theme(), view.view(), view.sort(), view.problemsOnly(), view.freshnessFilter())));
    }

    @Override
    public List<ConnectionProfile> profiles() {
        return latest.get().profiles();
    }

    @Override
    public void saveProfiles(List<ConnectionProfile> profiles) {
        store.save(latest.updateAndGet(s -> s.withProfiles(profiles)));
    }

    @Override
    public Checked check(ConnectionProfile profile) {
        return ProfileTargets.check(profile);
    }

    @Override
    public CompletableFuture<TestResult> test(ConnectionProfile profile) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ProfileProbe.run(ProfileTargets.target(profile, ctx.env()).endpoint());
            } catch (RedisAccessException e) {
                return new TestResult(false, e.getMessage());
            }
        }, io);
    }

    @Override
    public String switchTo(ConnectionProfile profile) {
        try {
            requests.add(Optional.of(ProfileTargets.target(profile, ctx.env())));
            return "";
        } catch (RedisAccessException e) {
            return e.getMessage();
        }
    }

    @Override
    public void switchToDemo() {
        requests.add(Optional.of(SessionTarget.DEMO));
    }

    @Override
    public void reconnectAs(String user, String password) {
        SessionTarget now = current.target;
        if (!now.isDemo()) {
            requests.add(Optional.of(now.withCredentials(user, password)));
        }
    }
}
