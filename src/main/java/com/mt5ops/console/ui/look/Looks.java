package com.mt5ops.console.ui.look;

import com.mt5ops.console.model.HealthStatus;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceState;
import java.util.EnumMap;
import java.util.Map;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The one table of how states and health look, unknown and missing values included: the grid's cards, the
 * detail pane's chips, the table view and the KPI tiles all read it, so they show the same words.
 */
public final class Looks {
    /** The most of an unknown raw value a chip shows; the detail pane's field list shows all of it. */
    static final int RAW_SHOWN = 10;
    private static final Map<InstanceState, Look> STATES = new EnumMap<>(InstanceState.class);
    private static final Map<HealthStatus, Look> HEALTHS = new EnumMap<>(HealthStatus.class);
    private static final Look STATE_MISSING = new Look(MaterialDesignH.HELP_CIRCLE, "NO STATE", Role.PROBLEM);
    private static final Look STATE_UNKNOWN = new Look(MaterialDesignH.HELP_CIRCLE, "? ", Role.PROBLEM);
    private static final Look HEALTH_MISSING = new Look(MaterialDesignH.HELP_CIRCLE_OUTLINE, "no health", Role.PROBLEM);
    private static final Look HEALTH_UNKNOWN = new Look(MaterialDesignH.HELP_CIRCLE_OUTLINE, "? ", Role.PROBLEM);

    static {
        for (InstanceState s : InstanceState.values()) {
            STATES.put(s, switch (s) {
                case RUNNING -> new Look(MaterialDesignP.PLAY_CIRCLE, "RUNNING", Role.OK);
                case STOPPED -> new Look(MaterialDesignS.STOP_CIRCLE, "STOPPED", Role.IDLE);
                case CRASHED -> new Look(MaterialDesignC.CLOSE_OCTAGON, "CRASHED", Role.BAD);
                case RESTARTING -> new Look(MaterialDesignR.RESTART, "RESTARTING", Role.WARNING);
            });
        }
        for (HealthStatus h : HealthStatus.values()) {
            HEALTHS.put(h, switch (h) {
                case HEALTHY -> new Look(MaterialDesignC.CHECK_CIRCLE, "healthy", Role.OK);
                case WARNING -> new Look(MaterialDesignA.ALERT, "warning", Role.WARNING);
                case CRITICAL -> new Look(MaterialDesignA.ALERT_OCTAGON, "critical", Role.BAD);
            });
        }
    }

    private Looks() {
    }

    public static Look of(InstanceState s) {
        return STATES.get(s);
    }

    public static Look of(HealthStatus h) {
        return HEALTHS.get(h);
    }

    /** The state as parsed, or, when it is not a known one, the raw text that was written (null: none). */
    public static Look state(InstanceState parsed, String raw) {
        return parsed != null ? of(parsed) : raw == null ? STATE_MISSING : unknown(STATE_UNKNOWN, raw);
    }

    public static Look health(HealthStatus parsed, String raw) {
        return parsed != null ? of(parsed) : raw == null ? HEALTH_MISSING : unknown(HEALTH_UNKNOWN, raw);
    }

    public static Look state(Instance i) {
        return state(i.stateOrNull(), i.rawState());
    }

    public static Look health(Instance i) {
        return health(i.healthOrNull(), i.rawHealthStatus());
    }

    private static Look unknown(Look row, String raw) {
        String shown = raw.isEmpty() ? "\"\"" : raw.length() > RAW_SHOWN ? raw.substring(0, RAW_SHOWN - 1) + "…" : raw;
        return new Look(row.icon(), row.text() + shown, row.role());
    }
}
