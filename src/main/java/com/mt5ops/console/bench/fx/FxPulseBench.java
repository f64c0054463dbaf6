package com.mt5ops.console.bench.fx;

import com.mt5ops.console.bench.Percentiles;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.ui.services.ConsoleServices;
import com.mt5ops.console.ui.MainWindow;
import com.mt5ops.console.ui.fx.FxStartup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The FX pulse under load, headless: the real window with 10,000 instances in the grid, fed 5,000 updates a
 * second through the same coalescer and frame queue as the app. A pulse's FX-thread work is timed from the
 * first animation timer to the end of layout (the batch is applied inside the pulse).
 */
public final class FxPulseBench {
    /** p99 and median of the pulse work, and p99 of the interval between pulses, in milliseconds. */
    public record Result(double pulseP99Ms, double pulseP50Ms, double frameIntervalP99Ms, int pulses) {
    }

    private FxPulseBench() {
    }

    /** Runs headless (Monocle); must be called before anything else starts JavaFX in this JVM. */
    public static Result run(int instances, int updatesPerSecond, int seconds) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1600x1000-32");
        SyntheticFeed feed = new SyntheticFeed(instances);
        ConsoleServices services = new ConsoleServices(feed, r -> CompletableFuture.<TransitionResult>failedFuture(new UnsupportedOperationException()),
                id -> CompletableFuture.completedFuture(List.of()), new TransitionTable(), FreshnessPolicy.defaults(), "bench", false, true, "bench", "bench", null);
        List<Double> pulses = new ArrayList<>();
        List<Double> intervals = new ArrayList<>();
        long[] pulseStart = {0};
        boolean[] measuring = {false};
        try {
            new FxStartup().start().get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the headless toolkit did not start", e.getCause() == null ? e : e.getCause());
        }
        CountDownLatch ready = new CountDownLatch(1);
        Throwable[] failed = {null};
        Platform.runLater(() -> {
          try {
            Stage stage = new Stage();
            MainWindow window = new MainWindow(stage, services, Runnable::run);
            window.show();
            // Registered after the window's own frame queue, and both run first in the pulse: the earliest start wins.
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    if (measuring[0] && pulseStart[0] != 0) {
                        intervals.add((t - pulseStart[0]) / 1e6);
                    }
                    pulseStart[0] = t;
                }
            }.start();
            stage.getScene().addPostLayoutPulseListener(() -> {
                if (measuring[0] && pulseStart[0] != 0) {
                    double ms = (System.nanoTime() - pulseStart[0]) / 1e6;
                    pulses.add(ms);
                    if (ms > 20) {
                        org.slf4j.LoggerFactory.getLogger(FxPulseBench.class).debug("slow pulse {} ms", Math.round(ms));
                    }
                }
            });
          } catch (RuntimeException | Error e) {
            failed[0] = e;
          } finally {
            ready.countDown();
          }
        });
        if (!ready.await(20, TimeUnit.SECONDS) || failed[0] != null) {
            throw new IllegalStateException("the headless window did not start", failed[0]);
        }
        feed.publishFleet();
        feed.stream(updatesPerSecond, System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
        Platform.runLater(() -> measuring[0] = true);
        feed.stream(updatesPerSecond, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            measuring[0] = false;
            done.countDown();
        });
        done.await(10, TimeUnit.SECONDS);
        double[] p = pulses.stream().mapToDouble(Double::doubleValue).toArray();
        double[] f = intervals.stream().mapToDouble(Double::doubleValue).toArray();
        Platform.exit();
        return new Result(pct(p, 99), pct(p, 50), pct(f, 99), p.length);
    }

    private static double pct(double[] values, double p) {
        return Percentiles.round(Percentiles.of(values, p));
    }
}
