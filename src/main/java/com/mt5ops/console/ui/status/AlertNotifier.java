package com.mt5ops.console.ui.status;

import com.mt5ops.console.ui.fx.Format;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import java.util.List;
import java.util.stream.Collectors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Desktop notifications for new crashes and newly critical health, summarized every few seconds so an
 * incident that crashes fifty instances makes one notification, not fifty. Clicking one selects the instance.
 */
public final class AlertNotifier {
    private final FleetViewModel vm;
    private final Window owner;
    private final Timeline timer;

    public AlertNotifier(FleetViewModel vm, Window owner) {
        this.vm = vm;
        this.owner = owner;
        this.timer = new Timeline(new KeyFrame(Duration.seconds(3), e -> flush()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    public void start() {
        timer.play();
    }

    public void stop() {
        timer.stop();
    }

    private void flush() {
        notify(vm.drainNewCrashes(), "crashed");
        notify(vm.drainNewCritical(), "turned critical");
    }

    private void notify(List<String> ids, String what) {
        if (ids.isEmpty() || owner.getScene() == null) {
            return;
        }
        String title = ids.size() == 1 ? "Instance " + what : ids.size() + " instances " + what;
        String text = ids.stream().limit(5).map(Format::shortId).collect(Collectors.joining(", "))
                + (ids.size() > 5 ? " and " + (ids.size() - 5) + " more" : "");
        Notifications.create().owner(owner).title(title).text(text).hideAfter(Duration.seconds(8))
                .onAction(e -> vm.selection().only(ids.get(0))).showWarning();
    }
}
