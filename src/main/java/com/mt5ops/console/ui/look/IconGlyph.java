package com.mt5ops.console.ui.look;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.IkonResolverProvider;
import org.kordamp.ikonli.javafx.JavaFXFontLoader;

/** An ikonli icon as text a canvas can draw: its icon font (loaded by ikonli) at a size, and its glyph (FX thread). */
public record IconGlyph(Font font, String text) {
    private static final Map<Ikon, Map<Integer, IconGlyph>> MADE = new HashMap<>();

    /** Made once per icon and size. */
    public static IconGlyph of(Ikon ikon, int size) {
        return MADE.computeIfAbsent(ikon, k -> new HashMap<>()).computeIfAbsent(size, s -> {
            // resolving the icon's handler loads its font into JavaFX, as a FontIcon would
            String family = IkonResolverProvider.getInstance(JavaFXFontLoader.getInstance()).resolve(ikon.getDescription()).getFontFamily();
            return new IconGlyph(Font.font(family, s), new String(Character.toChars(ikon.getCode())));
        });
    }
}
