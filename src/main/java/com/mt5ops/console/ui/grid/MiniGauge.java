package com.mt5ops.console.ui.grid;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** A small arc gauge drawn on a canvas: cheap enough for hundreds of grid cells. Unknown values draw as "?". */
public final class MiniGauge extends Canvas {
    private static final Color TRACK = Color.web("#30363d");
    private static final Color OK = Color.web("#3fb950");
    private static final Color WARN = Color.web("#d29922");
    private static final Color BAD = Color.web("#f85149");
    private static final Color GREY = Color.web("#6e7681");
    private final String label;

    public MiniGauge(String label, double size) {
        super(size, size * 0.82);
        this.label = label;
    }

    /**
     * Draws {@code fraction} (0..1, or NaN when unknown) with {@code text} in the middle; {@code live} false
     * draws it grey, so stale numbers never look current.
     */
    public void draw(double fraction, String text, boolean live) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        double pad = 4;
        double d = w - 2 * pad;
        g.setLineWidth(5);
        g.setStroke(TRACK);
        g.strokeArc(pad, pad, d, d, -30, 240, ArcType.OPEN);
        boolean known = !Double.isNaN(fraction);
        if (known) {
            double f = Math.max(0, Math.min(1, fraction));
            g.setStroke(!live ? GREY : f >= 0.9 ? BAD : f >= 0.75 ? WARN : OK);
            g.strokeArc(pad, pad, d, d, 210, -240 * f, ArcType.OPEN);
        }
        g.setFill(!live || !known ? GREY : fraction >= 0.9 ? BAD : fraction >= 0.75 ? WARN : OK);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(Font.font("System", FontWeight.BOLD, 12));
        g.fillText(known ? text : "?", w / 2, pad + d / 2 + 4);
        g.setFont(Font.font("System", 9));
        g.setFill(GREY);
        g.fillText(label, w / 2, h - 1);
    }
}
