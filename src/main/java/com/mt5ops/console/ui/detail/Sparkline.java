package com.mt5ops.console.ui.detail;

import com.mt5ops.console.ui.look.Palette;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A history line on a canvas in the theme's colours, under its own title row and beside a labelled scale (0 and the
 * top of the axis), so no text is drawn over the line; gaps (NaN) stay gaps instead of being drawn as zero.
 */
public final class Sparkline extends Canvas {
    private static final Font LABEL = Font.font(10);
    private static final double TITLE = 14;
    private static final double GUTTER = 62;
    private final String label;
    private final Function<Palette, Color> series;
    private final DoubleFunction<String> scale;
    private final DoubleUnaryOperator topFor;
    private Palette palette;
    private float[] values = new float[0];
    private String latest = "?";
    private double top;

    /**
     * {@code series}: which palette colour the line takes; {@code scale}: how an axis value reads ("100 %");
     * {@code topFor}: the axis' top for the data's largest value (CPU: always 100).
     */
    public Sparkline(String label, Function<Palette, Color> series, Palette palette, double width, double height,
                     DoubleFunction<String> scale, DoubleUnaryOperator topFor) {
        super(width, height);
        this.label = label;
        this.series = series;
        this.palette = palette;
        this.scale = scale;
        this.topFor = topFor;
        widthProperty().addListener(o -> draw(values, latest));
    }

    /** Redraws the last values in the new colours. */
    public void setPalette(Palette palette) {
        this.palette = palette;
        draw(values, latest);
    }

    public Color lineColor() {
        return series.apply(palette);
    }

    /** The value at the top of the axis as last drawn. */
    public double axisTop() {
        return top;
    }

    /** The axis' labels as last drawn, top first. */
    public String[] axisLabels() {
        return new String[] {scale.apply(top), scale.apply(0)};
    }

    public void draw(float[] values, String latest) {
        this.values = values;
        this.latest = latest;
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        g.setFont(LABEL);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(palette.muted());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(label + "  " + latest, GUTTER, TITLE / 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("last " + values.length + " s", w - 2, TITLE / 2);

        double max = 0;
        for (float v : values) {
            if (!Float.isNaN(v)) {
                max = Math.max(max, v);
            }
        }
        top = topFor.applyAsDouble(max);
        double x0 = GUTTER;
        double x1 = w - 2;
        double y0 = TITLE + 6;
        double y1 = h - 6;
        g.setStroke(palette.border());
        g.setLineWidth(1);
        g.strokeLine(x0, y0 + 0.5, x1, y0 + 0.5);
        g.strokeLine(x0, y1 + 0.5, x1, y1 + 0.5);
        g.fillText(scale.apply(top), x0 - 6, y0);
        g.fillText(scale.apply(0), x0 - 6, y1);

        g.setStroke(lineColor());
        g.setLineWidth(1.5);
        boolean drawing = false;
        for (int k = 0; k < values.length; k++) {
            double x = values.length == 1 ? x1 : x0 + k * (x1 - x0) / (values.length - 1);
            if (Float.isNaN(values[k])) {
                if (drawing) {
                    g.stroke();
                }
                drawing = false;
                continue;
            }
            double y = y1 - Math.max(0, Math.min(1, values[k] / top)) * (y1 - y0);
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

    /** {@code max} rounded up to 1, 2 or 5 times a power of ten (an axis' top). */
    public static double niceAbove(double max) {
        if (max <= 0) {
            return 1;
        }
        double step = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * step >= max) {
                return m * step;
            }
        }
        return 10 * step;
    }
}
