package com.mt5ops.console.ui;

import com.mt5ops.console.sync.BatchCoalescer;
import com.mt5ops.console.ui.actions.ActionController;
import com.mt5ops.console.ui.detail.DetailPane;
import com.mt5ops.console.ui.export.ExportActions;
import com.mt5ops.console.ui.export.ExportMenu;
import com.mt5ops.console.ui.fleet.FirstOrder;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fx.FrameQueue;
import com.mt5ops.console.ui.grid.FleetGrid;
import com.mt5ops.console.ui.kpi.KpiTiles;
import com.mt5ops.console.ui.look.Theme;
import com.mt5ops.console.ui.look.ThemeSwitch;
import com.mt5ops.console.ui.services.ConsoleServices;
import com.mt5ops.console.ui.settings.Settings;
import com.mt5ops.console.ui.settings.ViewMode;
import com.mt5ops.console.ui.status.AlertNotifier;
import com.mt5ops.console.ui.status.ConnectionBanner;
import com.mt5ops.console.ui.status.NotificationsFix;
import com.mt5ops.console.ui.status.StatusBar;
import com.mt5ops.console.ui.status.Toasts;
import com.mt5ops.console.ui.table.FleetTable;
import com.mt5ops.console.ui.toolbar.FleetToolbar;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The console window: KPI tiles, toolbar, banner, the fleet (grid or table) with the detail beside it or in a drawer,
 * the status bar and the shortcuts; it fits any window from 1024×640 up and opens inside the screen.
 */
public final class MainWindow {
    private final Stage stage;
    private final FleetViewModel vm;
    private final FrameQueue frames = new FrameQueue();
    private final ActionController actions;
    private final FleetGrid grid;
    private final FleetToolbar toolbar;
    private final WindowBody body;
    private final Scene scene;
    private final Timeline clock;
    private final AlertNotifier notifier;
    private final StatusBar status;
    private final Toasts toasts = new Toasts();
    private final KpiTiles kpis;
    private final ExportMenu export;
    private final CompletableFuture<Void> firstPicture = new CompletableFuture<>();
    private final ThemeSwitch themes = new ThemeSwitch();
    private final ToggleButton compact = new ToggleButton("Table view");
    private FleetTable table; // built when first asked for: most sessions never open it
    private final java.util.function.Supplier<Settings> settingsNow;

    public MainWindow(Stage stage, ConsoleServices services, Executor io) {
        this(stage, services, io, Settings.defaults(), s -> { });
    }

    /** With remembered settings applied, and {@code save} called with the current ones when the window closes. */
    public MainWindow(Stage stage, ConsoleServices services, Executor io, Settings settings, Consumer<Settings> save) {
        this.stage = stage;
        this.vm = new FleetViewModel(services.freshness(), Clock.systemUTC());
        this.actions = new ActionController(services, vm, () -> stage, Platform::runLater);
        this.grid = new FleetGrid(vm, themes.palette());
        compact.setId("view-toggle");
        ToggleButton theme = new ToggleButton("Light theme");
        theme.setId("theme-toggle");
        this.status = new StatusBar(vm, services.source(), services.demo(), actions.readOnly(), services.feed()::requestResync);
        status.placeBeforeTotals(actions.selectionChip());
        status.explainReadOnly(actions.readOnlyReason());
        this.export = new ExportMenu(new ExportActions(services.freshness(), services.source(), io), vm, () -> stage,
                Platform::runLater, this::report);
        this.toolbar = new FleetToolbar(vm, compact, export.node(), theme);
        DetailPane detail = new DetailPane(vm, services, actions, Platform::runLater, themes.palette());
        this.body = new WindowBody(vm, grid.node(), noMatch(), detail.node(), toasts);
        compact.selectedProperty().addListener((o, a, on) -> {
            if (on && table == null) {
                table = new FleetTable(vm);
            }
            body.showView(on ? table.node() : grid.node());
        });
        this.kpis = new KpiTiles(vm, themes.palette());
        NotificationsFix fix = new NotificationsFix(services.feed().access(), actions.readOnly(), io, () -> stage);
        VBox top = new VBox(kpis.node(), toolbar.node(), new ConnectionBanner(vm, services.source(), fix).node());
        BorderPane root = new BorderPane(body.node(), top, null, status.node(), null);
        body.fleet().opacityProperty().bind(Bindings.createDoubleBinding(
                () -> vm.stats().get() == null || vm.stats().get().state().isCurrent() ? 1.0 : 0.45, vm.stats()));
        var at = WindowBounds.place(stage);
        scene = new Scene(root, at.getWidth(), at.getHeight());
        // no white first frame: the theme's background before any style sheet or layout, and whenever it changes
        scene.setFill(themes.palette().get().bg());
        root.setBackground(javafx.scene.layout.Background.fill(themes.palette().get().bg()));
        themes.palette().addListener((o, a, p) -> {
            scene.setFill(p.bg());
            root.setBackground(javafx.scene.layout.Background.fill(p.bg()));
        });
        themes.styleScene(scene);
        themes.theme().addListener((o, a, t) -> theme.setSelected(t == Theme.LIGHT));
        theme.selectedProperty().addListener((o, a, light) -> themes.theme().set(light ? Theme.LIGHT : Theme.DARK));
        actions.lastResult().addListener((o, a, r) -> status.message(r == null ? "" : r.text(), r == null || r.ok())); // also with no detail shown
        new KeyboardShortcuts(scene, stage, vm, grid, toolbar, actions, body::view).install();
        restore(settings);
        this.settingsNow = () -> viewNow(settings);
        stage.setOnCloseRequest(e -> save.accept(settingsNow.get()));
        stage.setTitle("MT5 Instance Console — " + services.source() + (services.demo() ? " (DEMO)" : ""));
        stage.setScene(scene);
        var icon = getClass().getResourceAsStream("/assets/icons/mt5-console.png");
        if (icon != null) {
            stage.getIcons().add(new javafx.scene.image.Image(icon));
        }
        // the first big batch is sorted in the background as it arrives, while this thread still shows the window
        FirstOrder ahead = new FirstOrder(services.freshness(), vm.sort().get(), vm.criteria().get(), Clock.systemUTC(), io);
        vm.takeFirstOrderFrom(ahead);
        BatchCoalescer toWindow = new BatchCoalescer(frames, vm::apply);
        services.brokerNames().addListener(names -> Platform.runLater(() -> vm.brokerNames().set(names))); // rare: no coalescing
        services.feed().addListener(batch -> {
            ahead.prepare(batch);
            toWindow.onBatch(batch);
        });
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        notifier = services.alertEvery() == null ? null : new AlertNotifier(vm, toasts, services.alertEvery());
        completeOnFirstPicture();
        firstPicture.thenRun(() -> Platform.runLater(this::completeChrome));
        vm.stats().addListener((o, a, st) -> {
            if (st != null && st.state().isCurrent()) {
                completeChrome(); // live before any data (an empty fleet): nothing to wait for
            }
        });
    }

    private Label noMatch() {
        Label noMatch = new Label("No instance matches the search and filters.\nThe Total tile clears the filters.");
        noMatch.setId("no-match");
        noMatch.getStyleClass().add("muted");
        noMatch.setMouseTransparent(true);
        noMatch.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.visible().isEmpty() && vm.counts().get() != null && vm.counts().get().total() > 0, vm.visible(), vm.counts()));
        return noMatch;
    }

    /** An export's outcome: in the status bar's message slot, and as a toast that says it in full. */
    /** Something the operator must know that is not about one instance (the demo's simulator died …): FX thread. */
    public void notice(String text) {
        status.message(text, false);
        toasts.show("Notice", text, Toasts.Kind.BAD, 30, null);
    }

    private void report(String text, boolean ok) {
        status.message(text, ok);
        toasts.show(ok ? "Export" : "Export failed", text, ok ? Toasts.Kind.OK : Toasts.Kind.BAD, ok ? 8 : 20, null);
    }

    /** The parts that join after the first picture: the KPI tiles and the toolbar's controls (each once). */
    private void completeChrome() {
        kpis.build();
        toolbar.attach();
    }

    /** The first data in the view, once a layout pass has placed it in the window. */
    private void completeOnFirstPicture() {
        vm.dataAsOf().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (vm.dataAsOf().get() == null) {
                    return;
                }
                vm.dataAsOf().removeListener(this);
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    firstPicture.complete(null);
                };
                scene.addPostLayoutPulseListener(once[0]);
            }
        });
    }

    /**
     * Done (on the FX thread) once the window has laid out its first data: what the console waits for before it
     * starts what the picture does not need (the KPI tiles, the toolbar's controls, the live Redis client).
     */
    public CompletionStage<Void> firstPicture() {
        return firstPicture;
    }

    /** Shows the window, styled before its first frame, and starts taking batches (FX thread). */
    public void show() {
        frames.start();
        clock.play();
        scene.getRoot().applyCss();
        stage.show();
        // with no data coming (Redis down), the tiles and the toolbar come anyway
        PauseTransition later = new PauseTransition(Duration.seconds(1.5));
        later.setOnFinished(e -> completeChrome());
        later.play();
        grid.node().requestFocus(); // arrows and shortcuts work at once; `/` goes to the search
        if (notifier != null) {
            notifier.start();
        }
    }

    public void stop() {
        clock.stop();
        frames.stop();
        if (notifier != null) {
            notifier.stop();
        }
    }

    private void restore(Settings s) {
        themes.theme().set(s.theme());
        compact.setSelected(s.view() == ViewMode.TABLE);
        vm.sort().set(s.sort());
        vm.criteria().set(vm.criteria().get().withProblemsOnly(s.problemsOnly()).withFreshness(s.freshnessFilter()));
    }

    /** {@code base} with the view as the operator leaves it. */
    private Settings viewNow(Settings base) {
        return base.withView(themes.theme().get(), compact.isSelected() ? ViewMode.TABLE : ViewMode.GRID, vm.sort().get(),
                vm.criteria().get().problemsOnly(), vm.criteria().get().freshness());
    }

    /** The settings it was given with the view as the operator has it now: what closing the window saves. */
    public Settings settingsNow() {
        return settingsNow.get();
    }

    /** A control about the connection itself (the profiles menu), in the status bar beside the connection state. */
    public void addStatusControl(javafx.scene.Node node) {
        status.placeAfterState(node);
    }

    /** Where exports are written: by default the save dialog; {@code choose} gets the suggested name, null cancels. */
    public void chooseExportFilesWith(UnaryOperator<String> choose) {
        export.chooseFilesWith(choose);
    }

    public FleetViewModel viewModel() {
        return vm;
    }

    /** The window's style sheets as applied now (theme included). */
    public List<String> styleSheets() {
        return List.copyOf(scene.getStylesheets());
    }

    /** Cards per row in the grid as laid out now. */
    public int gridColumns() {
        return grid.columns();
    }

    public ActionController actions() {
        return actions;
    }
}
