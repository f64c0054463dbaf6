package com.mt5ops.console.ui.look;

import javafx.scene.paint.Color;

/**
 * Every colour of one theme, and the only place colours are written: the canvas cards, the TilesFX tiles and
 * gauges, the sparklines and (through {@link PaletteCss}) the style sheets all read it.
 */
public record Palette(Color bg, Color panel, Color card, Color cardSelected, Color border, Color text, Color muted,
                      Color accent, Color accentAlt, Color flash, Color ok, Color idle, Color warning, Color bad,
                      Color problem, Color onFill, Color onFillStrong, Color controlBase, Color controlInner, Color shadow) {

    public static Palette dark() {
        return new Palette(rgb(0x0d1117), rgb(0x161b22), rgb(0x1c2129), rgb(0x1f2a3a), rgb(0x30363d), rgb(0xe6edf3),
                rgb(0x8b949e), rgb(0x58a6ff), rgb(0xbc8cff), rgb(0x39c5cf), rgb(0x3fb950), rgb(0x8b949e), rgb(0xd29922),
                rgb(0xf85149), rgb(0xbc8cff), rgb(0x0d1117), rgb(0xffffff), rgb(0x21262d), rgb(0x0d1117),
                Color.rgb(0, 0, 0, 0.55));
    }

    public static Palette light() {
        return new Palette(rgb(0xf6f8fa), rgb(0xffffff), rgb(0xffffff), rgb(0xddf4ff), rgb(0xd0d7de), rgb(0x1f2328),
                rgb(0x57606a), rgb(0x0969da), rgb(0x8250df), rgb(0x1b7c83), rgb(0x1a7f37), rgb(0x6e7781), rgb(0x9a6700),
                rgb(0xcf222e), rgb(0x8250df), rgb(0xffffff), rgb(0xffffff), rgb(0xeaeef2), rgb(0xffffff),
                Color.rgb(31, 35, 40, 0.25));
    }

    /** The colour of a status role. */
    public Color color(Role role) {
        return switch (role) {
            case OK -> ok;
            case IDLE -> idle;
            case WARNING -> warning;
            case BAD -> bad;
            case PROBLEM -> problem;
            case ACCENT -> accent;
        };
    }

    /** The text colour on a fill of {@code role}'s colour (a chip). */
    public Color onFill(Role role) {
        return role.strongFill() ? onFillStrong : onFill;
    }

    private static Color rgb(int hex) {
        return Color.rgb(hex >> 16 & 0xff, hex >> 8 & 0xff, hex & 0xff);
    }
}
