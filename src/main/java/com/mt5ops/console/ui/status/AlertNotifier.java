package com.mt5ops.console.ui.status;

import com.mt5ops.console.ui.fx.Format;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import java.util.List;
import java.util.stream.Collectors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Notifications for new crashes and newly critical health, summarized every few seconds so an incident that crashes
 * fifty instances makes one notification, not fifty; shown as a toast that covers neither the KPI tiles nor the status
 * bar. Clicking one selects the instance.
 */
public final class AlertNotifier {
    private static final double SHOWN_SECONDS = 10;
    private final FleetViewModel vm;
    private final Toasts toasts;
    private final Timeline timer;

    public AlertNotifier(FleetViewModel vm, Toasts toasts, java.time.Duration every) {
        this.vm = vm;
        this.toasts = toasts;
        this.timer = new Timeline(new KeyFrame(Duration.millis(every.toMillis()), e -> flush()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    public void start() {
        timer.play();
    }

    public void stop() {
        timer.stop();
    }

    /** At most one notification per interval, covering everything that happened in it. */
    private void flush() {
        List<String> crashed = vm.changes().drainNewCrashes();
        List<String> critical = vm.changes().drainNewCritical();
        if (crashed.isEmpty() && critical.isEmpty()) {
            return;
        }
        String title = java.util.stream.Stream.of(
                crashed.isEmpty() ? null : crashed.size() + (crashed.size() == 1 ? " instance crashed" : " instances crashed"),
                critical.isEmpty() ? null : critical.size() + " turned critical").filter(t -> t != null).collect(Collectors.joining(" · "));
        List<String> ids = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(java.util.stream.Stream.concat(crashed.stream(), critical.stream()).toList()));
        String text = ids.stream().limit(5).map(Format::shortId).collect(Collectors.joining(", "))
                + (ids.size() > 5 ? " and " + (ids.size() - 5) + " more" : "");
        toasts.show("⚠ " + title, text, Toasts.Kind.ALERT, SHOWN_SECONDS, () -> vm.selection().only(ids.get(0)));
    }
}
