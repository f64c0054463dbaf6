package com.mt5ops.console.ui.status;

import com.mt5ops.console.sync.ClusterView;
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
 * Shown whenever the data is not live: disconnected or reconnecting (red, with the time the data is from), polling
 * (amber, with the reason, and the offer to turn on the keyspace events where that is why), or still connecting
 * (accent, with the time of the first read); on a Redis Cluster with a master down, which one (amber: the rest is
 * live). Hidden when LIVE.
 */
public final class ConnectionBanner {
    private final HBox banner = new HBox();
    private final Label text = new Label();
    private final NotificationsFix fix;
    private FontIcon icon; // made the first time the connection is lost: an icon font costs a little to load

    public ConnectionBanner(FleetViewModel vm, String source, NotificationsFix fix) {
        this.fix = fix;
        banner.setId("connection-banner");
        banner.getStyleClass().add("banner");
        text.setId("banner-text");
        // the whole reason, on two or three lines if the window is narrow: it is the most important text on screen
        text.setWrapText(true);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        banner.getChildren().addAll(text, fix.node());
        hide();
        vm.stats().addListener((o, a, s) -> show(s, vm, source));
        vm.dataAsOf().addListener(o -> {
            if (vm.stats().get() != null) {
                show(vm.stats().get(), vm, source);
            }
        });
    }

    private void show(MirrorStats s, FleetViewModel vm, String source) {
        ConnectionState state = s.state();
        fix.show(state == ConnectionState.POLLING);
        banner.getStyleClass().removeAll("polling", "connecting");
        if (state == ConnectionState.LIVE && s.cluster().partial()) {
            banner.getStyleClass().add("polling");
            text.setText(partly(s.cluster()));
            if (icon != null) {
                icon.setVisible(false);
                icon.setManaged(false);
            }
            banner.setVisible(true);
            banner.setManaged(true);
            return;
        }
        if (state == ConnectionState.LIVE) {
            hide();
            return;
        }
        String asOf = vm.dataAsOf().get() == null ? "no data yet" : "showing data as of " + Format.clock(vm.dataAsOf().get());
        switch (state) {
            case POLLING -> {
                banner.getStyleClass().add("polling");
                text.setText("POLLING: live updates unavailable (" + s.reason() + "). Refreshing every 2 s.");
            }
            case CONNECTING -> {
                banner.getStyleClass().add("connecting");
                text.setText("Connecting to " + source + "…" + (vm.dataAsOf().get() == null ? ""
                        : " " + asOf + "; live updates follow."));
            }
            default -> {
                if (icon == null) {
                    icon = new FontIcon(MaterialDesignL.LAN_DISCONNECT);
                    icon.setIconSize(18);
                    banner.getChildren().add(0, icon);
                }
                text.setText(switch (state) {
                    case STALLED -> "STALLED: " + source + " does not answer (" + s.reason() + ") — " + asOf
                            + ". The connection is open; the server may be frozen or overloaded.";
                    case FAILED -> "FAILED: the console's live mirror broke — " + asOf + ". " + capitalized(s.reason())
                            + ". Details are in the log.";
                    default -> state + ": " + source + " unreachable since " + Format.clock(s.disconnectedSince())
                            + " — " + asOf + ". " + s.reason();
                });
            }
        }
        if (icon != null) {
            icon.setVisible(state != ConnectionState.CONNECTING && state != ConnectionState.POLLING);
            icon.setManaged(icon.isVisible());
        }
        banner.setVisible(true);
        banner.setManaged(true);
    }

    /** A Redis Cluster with a master down: which, and that exactly its instances are faded while the rest stay live. */
    private static String partly(ClusterView cluster) {
        int down = cluster.total() - cluster.live();
        return "LIVE " + cluster.ratio() + ": " + down + " of " + cluster.total() + " cluster masters not live ("
                + cluster.detail() + "). Instances with a key there are faded and may be behind; the others are live.";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void hide() {
        banner.setVisible(false);
        banner.setManaged(false);
    }

    public Node node() {
        return banner;
    }
}
