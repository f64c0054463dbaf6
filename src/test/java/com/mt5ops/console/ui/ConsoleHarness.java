package com.mt5ops.console.ui;

import com.mt5ops.console.ui.services.ConsoleServices;
import com.mt5ops.console.app.WriteGateway;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.sync.BrokerNameMirror;
import com.mt5ops.console.sync.FleetMirror;
import com.mt5ops.console.sync.MirrorConfig;
import com.mt5ops.console.sync.MirrorRights;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on a real mirror and write path against a test Redis, as the app wires it. */
final class ConsoleHarness implements AutoCloseable {
    final RedisConnector connector;
    final FleetMirror mirror;
    final WriteGateway gateway;
    final BrokerNameMirror brokerNames;
    final ExecutorService io = Executors.newFixedThreadPool(2);
    Stage stage;
    MainWindow window;

    ConsoleHarness(String uri, boolean readOnly) throws Exception {
        this(uri, readOnly, null);
    }

    /** {@code alertEvery}: how often desktop notifications summarize new crashes (null: none). */
    ConsoleHarness(String uri, boolean readOnly, java.time.Duration alertEvery) throws Exception {
        this(uri, readOnly, alertEvery, null);
    }

    /** {@code clientWhen}: the mirror's live client waits for it, as the app makes it wait for the first picture. */
    ConsoleHarness(String uri, boolean readOnly, java.time.Duration alertEvery, java.util.concurrent.Future<?> clientWhen) throws Exception {
        this(uri, readOnly, false, alertEvery, clientWhen, s -> { }, MirrorRights.of(readOnly, false));
    }

    /** As the app wires it for a console with these rights (--read-only, --enable-notifications). */
    ConsoleHarness(String uri, MirrorRights rights) throws Exception {
        this(uri, !rights.mayWrite(), false, null, null, s -> { }, rights);
    }

    /** A demo console (its DEMO tag shown); {@code beforeShow} gets the stage after the window is built, before it shows. */
    static ConsoleHarness demo(String uri, java.util.function.Consumer<Stage> beforeShow) throws Exception {
        return new ConsoleHarness(uri, false, true, null, null, beforeShow, MirrorRights.of(false, false));
    }

    private ConsoleHarness(String uri, boolean readOnly, boolean demo, java.time.Duration alertEvery,
                           java.util.concurrent.Future<?> clientWhen, java.util.function.Consumer<Stage> beforeShow,
                           MirrorRights rights) throws Exception {
        connector = new RedisConnector(RedisEndpoint.parse(uri));
        mirror = new FleetMirror(connector, new InstanceParser(FreshnessPolicy.defaults()), MirrorConfig.defaults(), Clock.systemUTC(), rights);
        TransitionTable table = new TransitionTable();
        gateway = new WriteGateway(connector, table, io, mirror.access().capabilities());
        brokerNames = new BrokerNameMirror(connector, mirror, java.time.Duration.ofSeconds(30));
        ConsoleServices services = new ConsoleServices(mirror, gateway::apply, gateway::audit, table, FreshnessPolicy.defaults(),
                connector.endpoint().display(), demo, readOnly, "tester", "test-host", alertEvery, brokerNames, gateway::renameBroker);
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            window = new MainWindow(stage, services, io);
            beforeShow.accept(stage);
            window.show();
        });
        if (clientWhen == null) {
            mirror.start();
        } else {
            mirror.start(clientWhen, java.time.Duration.ofSeconds(30));
        }
        brokerNames.start();
    }

    /** Reads FX state on the FX thread. */
    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Resizes the window (un-maximized first) and waits until the scene has the size. */
    void resize(double width, double height) throws Exception {
        FxToolkit.setupFixture(() -> {
            stage.setMaximized(false);
            stage.setMinWidth(0);
            stage.setMinHeight(0);
            stage.setX(0); // Monocle cannot draw a window that reaches past its screen
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        waitFor(5, () -> Math.abs(stage.getScene().getWidth() - width) < 1 && Math.abs(stage.getScene().getHeight() - height) < 40,
                "the window at " + width + "x" + height);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitFor(long seconds, Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within " + seconds + " s: " + what);
        }
    }

    @Override
    public void close() throws Exception {
        FxToolkit.setupFixture(() -> window.stop());
        FxToolkit.cleanupStages();
        brokerNames.close();
        mirror.close();
        gateway.close();
        connector.close();
        io.shutdownNow();
    }
}
