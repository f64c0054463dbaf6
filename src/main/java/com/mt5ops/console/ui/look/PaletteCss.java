package com.mt5ops.console.ui.look;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import javafx.scene.paint.Color;

/**
 * Writes a {@link Palette} as a style sheet of looked-up colours ({@code -c-bg}, {@code -c-card-selected}, one per
 * palette colour, plus Modena's {@code -fx-base} and friends), so console.css names colours and never holds one.
 */
public final class PaletteCss {
    private PaletteCss() {
    }

    /** The style sheet as a {@code data:} URI, for {@code Scene.getStylesheets()}. */
    public static String dataUri(Palette p) {
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css(p).getBytes(StandardCharsets.UTF_8));
    }

    public static String css(Palette p) {
        StringBuilder sb = new StringBuilder("/* generated from ui/look/Palette */\n.root {\n");
        for (RecordComponent c : Palette.class.getRecordComponents()) {
            sb.append("  ").append(variable(c.getName())).append(": ").append(hex(colour(c, p))).append(";\n");
        }
        // the standard controls (buttons, fields, lists, scroll bars) derive their own shades from these
        sb.append("  -fx-base: ").append(hex(p.controlBase())).append(";\n")
                .append("  -fx-control-inner-background: ").append(hex(p.controlInner())).append(";\n")
                .append("  -fx-accent: ").append(hex(p.accent())).append(";\n")
                .append("  -fx-focus-color: ").append(hex(p.accent())).append(";\n}\n");
        return sb.toString();
    }

    /** The looked-up colour named after a palette component: {@code cardSelected} is {@code -c-card-selected}. */
    static String variable(String component) {
        return "-c-" + component.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private static Color colour(RecordComponent c, Palette p) {
        try {
            return (Color) c.getAccessor().invoke(p);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("palette component " + c.getName(), e);
        }
    }

    static String hex(Color c) {
        String rgb = String.format(Locale.ROOT, "#%02x%02x%02x", channel(c.getRed()), channel(c.getGreen()), channel(c.getBlue()));
        return c.getOpacity() >= 1 ? rgb : rgb + String.format(Locale.ROOT, "%02x", channel(c.getOpacity()));
    }

    private static int channel(double v) {
        return (int) Math.round(v * 255);
    }
}
