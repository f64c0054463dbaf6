package com.mt5ops.console.ui.status;

import com.mt5ops.console.sync.ConnectionState;
import com.mt5ops.console.sync.MirrorStats;
import com.mt5ops.console.ui.fx.Format;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * Shown whenever the data is not live: disconnected or reconnecting (red, with the time the data is from) or
 * polling (amber, with the reason). Hidden when LIVE.
 */
public final class ConnectionBanner {
    private final HBox banner = new HBox();
    private final Label text = new Label();

    public ConnectionBanner(FleetViewModel vm, String source) {
        banner.setId("connection-banner");
        banner.getStyleClass().add("banner");
        FontIcon icon = new FontIcon(MaterialDesignL.LAN_DISCONNECT);
        icon.setIconSize(18);
        icon.setIconColor(javafx.scene.paint.Color.WHITE);
        text.setId("banner-text");
        banner.getChildren().addAll(icon, text);
        hide();
        vm.stats().addListener((o, a, s) -> show(s, vm, source));
    }

    private void show(MirrorStats s, FleetViewModel vm, String source) {
        ConnectionState state = s.state();
        if (state == ConnectionState.LIVE) {
            hide();
            return;
        }
        banner.getStyleClass().remove("polling");
        String asOf = vm.dataAsOf().get() == null ? "no data yet" : "showing data as of " + Format.clock(vm.dataAsOf().get());
        switch (state) {
            case POLLING -> {
                banner.getStyleClass().add("polling");
                text.setText("POLLING: live updates unavailable (" + s.reason() + "). Refreshing every 2 s.");
            }
            case CONNECTING -> text.setText("Connecting to " + source + "…");
            default -> text.setText(state + ": " + source + " unreachable since " + Format.clock(s.disconnectedSince())
                    + " — " + asOf + ". " + s.reason());
        }
        banner.setVisible(true);
        banner.setManaged(true);
    }

    private void hide() {
        banner.setVisible(false);
        banner.setManaged(false);
    }

    public Node node() {
        return banner;
    }
}
