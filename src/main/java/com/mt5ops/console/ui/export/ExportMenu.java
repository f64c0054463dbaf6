package com.mt5ops.console.ui.export;

import com.mt5ops.console.ui.fleet.FleetViewModel;
import java.io.File;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The toolbar's Export menu: the current view (filters and order applied) as CSV or snapshot JSON, and where it went. */
public final class ExportMenu {
    private final MenuButton menu = new MenuButton("Export");
    private final FleetViewModel vm;
    private final Consumer<Runnable> fx;
    private final BiConsumer<String, Boolean> report;
    private Function<String, File> target;

    /** {@code report}: told the outcome as the operator should read it, and whether it went well (on the FX thread). */
    public ExportMenu(ExportActions export, FleetViewModel vm, Supplier<Window> owner, Consumer<Runnable> fx,
                      BiConsumer<String, Boolean> report) {
        this.vm = vm;
        this.fx = fx;
        this.report = report;
        this.target = name -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(name);
            return chooser.showSaveDialog(owner.get());
        };
        menu.setId("export");
        MenuItem csv = new MenuItem("Current view as CSV…");
        MenuItem json = new MenuItem("Current view as snapshot JSON…");
        menu.getItems().addAll(csv, json);
        csv.setOnAction(e -> chooseAndExport("csv", f -> export.csv(f, vm.visibleInstances(), vm.brokerNames().all())));
        json.setOnAction(e -> chooseAndExport("json", f -> export.json(f, vm.visibleInstances(), vm.stats().get(), vm.brokerNames().all())));
    }

    private void chooseAndExport(String ext, Function<File, CompletableFuture<File>> write) {
        File file = target.apply("mt5-fleet." + ext);
        if (file != null) {
            int rows = vm.visible().size();
            write.apply(file).whenCompleteAsync((f, err) -> report.accept(err == null
                    ? String.format(Locale.ROOT, "exported %,d instances to %s", rows, f.getAbsolutePath())
                    : "export failed: " + (err.getCause() != null ? err.getCause() : err).getMessage(), err == null), fx::accept);
        }
    }

    /** Where exports are written: by default the save dialog; {@code choose} gets the suggested name, null cancels. */
    public void chooseFilesWith(UnaryOperator<String> choose) {
        target = name -> {
            String path = choose.apply(name);
            return path == null ? null : new File(path);
        };
    }

    public MenuButton node() {
        return menu;
    }
}
