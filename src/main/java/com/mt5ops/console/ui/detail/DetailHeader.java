package com.mt5ops.console.ui.detail;

import com.mt5ops.console.model.Freshness;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.sync.MirrorStats;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.fleet.InstanceText;
import com.mt5ops.console.ui.fx.Format;
import com.mt5ops.console.ui.fx.LongText;
import com.mt5ops.console.ui.look.LookLabels;
import com.mt5ops.console.ui.look.Looks;
import com.mt5ops.console.ui.look.Role;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The top of the detail: the id, state chip and health badge, the facts, how old the data is (ticking with the view
 * model's clock; under a connection that is not current, as of when it last was), and the last error.
 */
final class DetailHeader {
    private final FleetViewModel vm;
    private final TextField id = new TextField();
    private final Label chip = new Label();
    private final Label badge = new Label();
    private final Label facts = new Label();
    private final Label age = new Label();
    private final Label hiddenNote = new Label("Hidden from the fleet view: it no longer matches the search and filters.");
    /** The last error, folded when long (it may be megabytes): shown apart from the facts, with Show all and Copy. */
    private final VBox lastError = new VBox();
    private final Label lastErrorText = new Label();
    private String shownError;
    private String errorOf;

    DetailHeader(FleetViewModel vm) {
        this.vm = vm;
        id.setEditable(false);
        id.setId("detail-id");
        id.getStyleClass().addAll("mono", "title");
        chip.getStyleClass().add("chip");
        badge.getStyleClass().add("badge");
        chip.setId("detail-state");
        badge.setId("detail-health");
        facts.setWrapText(true);
        age.setId("detail-age");
        age.getStyleClass().add("age");
        age.setWrapText(true);
        hiddenNote.setId("detail-hidden-note");
        hiddenNote.getStyleClass().add("muted");
        hiddenNote.setWrapText(true);
        lastErrorText.setId("detail-last-error");
        lastErrorText.setWrapText(true);
        lastErrorText.getStyleClass().add("last-error");
    }

    List<Node> nodes() {
        return List.of(id, new HBox(8, chip, badge), facts, age, hiddenNote, lastError);
    }

    void show(Instance i) {
        id.setText(i.id());
        LookLabels.show(chip, Looks.state(i));
        LookLabels.show(badge, Looks.health(i));
        var s = i.state();
        facts.setText("broker " + (i.brokerOrNull() == null ? "?" : vm.brokerNames().withId(i.brokerOrNull()))
                + "\n" + (s == null || s.launchMode() == null ? "launch mode ?" : s.launchMode().wire())
                + " · " + (s == null || s.activeConnections() == null ? "? connections"
                        : s.activeConnections() + (s.activeConnections() == 1 ? " connection" : " connections"))
                + " · restarts " + (i.restartsOrNull() == null ? "?" : i.restartsOrNull())
                + " · up " + (i.uptimeOrNull() == null ? "?" : Format.duration(i.uptimeOrNull())));
        showLastError(i.id(), i.lastError());
        tick(i);
    }

    /** The data's age as of the view model's clock now, and whether the card is still in the view. */
    void tick(Instance i) {
        Instant now = vm.now().get();
        Freshness f = i.freshness(vm.policy(), now);
        MirrorStats stats = vm.stats().get();
        boolean current = stats != null && stats.state().isCurrent();
        String line = "data " + InstanceText.dataAge(i, vm.policy(), now) + " (last update " + Format.clock(i.lastTrusted(vm.policy(), now)) + ")";
        if (!current) {
            Instant asOf = vm.dataAsOf().get();
            line = (stats == null ? "CONNECTING" : stats.state().name()) + " — showing data as of "
                    + (asOf == null ? "the first read" : Format.clock(asOf) + " (when last current)") + "\n" + line;
        }
        if (!line.equals(age.getText())) {
            age.setText(line);
        }
        LookLabels.roleClass(age, !current || !f.looksLive() ? Role.BAD : f == Freshness.AGING ? Role.WARNING : Role.IDLE);
        boolean hidden = vm.indexOf(i.id()) < 0;
        hiddenNote.setVisible(hidden);
        hiddenNote.setManaged(hidden);
    }

    private void showLastError(String instanceId, String error) {
        String text = error == null || error.isEmpty() ? null : error;
        if (Objects.equals(text, shownError) && Objects.equals(instanceId, errorOf)) {
            return; // the same text: keep the links the operator may be about to click
        }
        shownError = text;
        errorOf = instanceId;
        lastError.getChildren().setAll(text == null ? List.of() : List.of(LongText.view(lastErrorText, "last error: ", text, "last_error of " + instanceId)));
    }
}
