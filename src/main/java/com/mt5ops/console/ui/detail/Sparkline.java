package com.mt5ops.console.ui.detail;

import com.mt5ops.console.ui.look.Palette;
import java.util.function.Function;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** A history line on a canvas in the theme's colours; gaps (NaN) stay gaps instead of being drawn as zero. */
public final class Sparkline extends Canvas {
    private static final Font LABEL = Font.font(10);
    private final String label;
    private final Function<Palette, Color> series;
    private Palette palette;
    private float[] values = new float[0];
    private String latest = "?";

    /** {@code series}: which palette colour the line takes. */
    public Sparkline(String label, Function<Palette, Color> series, Palette palette, double width, double height) {
        super(width, height);
        this.label = label;
        this.series = series;
        this.palette = palette;
    }

    /** Redraws the last values in the new colours. */
    public void setPalette(Palette palette) {
        this.palette = palette;
        draw(values, latest);
    }

    public Color lineColor() {
        return series.apply(palette);
    }

    public void draw(float[] values, String latest) {
        this.values = values;
        this.latest = latest;
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(palette.muted());
        g.setFont(LABEL);
        g.fillText(label + "  " + latest + "  (" + values.length + " s)", 2, 10);
        double max = 1;
        for (float v : values) {
            if (!Float.isNaN(v)) {
                max = Math.max(max, v);
            }
        }
        g.setStroke(lineColor());
        g.setLineWidth(1.5);
        double top = 14;
        double span = h - top - 2;
        boolean drawing = false;
        for (int k = 0; k < values.length; k++) {
            double x = values.length == 1 ? w : k * (w - 1) / (values.length - 1);
            if (Float.isNaN(values[k])) {
                if (drawing) {
                    g.stroke();
                }
                drawing = false;
                continue;
            }
            double y = top + span - values[k] / max * span;
            if (!drawing) {
                g.beginPath();
                g.moveTo(x, y);
                drawing = true;
            } else {
                g.lineTo(x, y);
            }
        }
        if (drawing) {
            g.stroke();
        }
    }
}
