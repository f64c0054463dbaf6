package com.mt5ops.console.ui.detail;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** A history line on a canvas; gaps (NaN) stay gaps instead of being drawn as zero. */
public final class Sparkline extends Canvas {
    private final String label;
    private final Color color;

    public Sparkline(String label, Color color, double width, double height) {
        super(width, height);
        this.label = label;
        this.color = color;
    }

    public void draw(float[] values, String latest) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.web("#8b949e"));
        g.setFont(Font.font(10));
        g.fillText(label + "  " + latest + "  (" + values.length + " s)", 2, 10);
        double max = 1;
        for (float v : values) {
            if (!Float.isNaN(v)) {
                max = Math.max(max, v);
            }
        }
        g.setStroke(color);
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
