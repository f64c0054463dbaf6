package com.mt5ops.console.ui.grid;

import javafx.scene.paint.Color;

/** The colours a card is drawn with; one per theme, matching dark.css and light.css. */
public record CardPalette(Color card, Color cardSelected, Color border, Color accent, Color flash, Color text, Color muted,
                          Color ok, Color idle, Color bad, Color warning, Color problem, Color track, Color onChip) {

    public static CardPalette dark() {
        return new CardPalette(Color.web("#1c2129"), Color.web("#1f2a3a"), Color.web("#30363d"), Color.web("#58a6ff"),
                Color.web("#39c5cf"), Color.web("#e6edf3"), Color.web("#8b949e"), Color.web("#3fb950"), Color.web("#8b949e"),
                Color.web("#f85149"), Color.web("#d29922"), Color.web("#bc8cff"), Color.web("#30363d"), Color.web("#0d1117"));
    }

    public static CardPalette light() {
        return new CardPalette(Color.web("#ffffff"), Color.web("#ddf4ff"), Color.web("#d0d7de"), Color.web("#0969da"),
                Color.web("#1b7c83"), Color.web("#1f2328"), Color.web("#57606a"), Color.web("#1a7f37"), Color.web("#6e7781"),
                Color.web("#cf222e"), Color.web("#9a6700"), Color.web("#8250df"), Color.web("#d0d7de"), Color.web("#ffffff"));
    }
}
