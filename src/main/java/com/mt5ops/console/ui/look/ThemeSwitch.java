package com.mt5ops.console.ui.look;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

/**
 * The window's theme (FX thread): the palette the drawn parts follow, and the scene's style sheets, which are the
 * layout (console.css) plus the palette's colours as a generated sheet.
 */
public final class ThemeSwitch {
    private static final String LAYOUT = "/assets/css/console.css";
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.DARK);
    private final ReadOnlyObjectWrapper<Palette> palette = new ReadOnlyObjectWrapper<>(Theme.DARK.palette());
    private final Map<Theme, Palette> palettes = new EnumMap<>(Theme.class);
    private final Map<Theme, String> colourSheets = new EnumMap<>(Theme.class);

    public ThemeSwitch() {
        for (Theme t : Theme.values()) {
            palettes.put(t, t.palette());
            colourSheets.put(t, PaletteCss.dataUri(palettes.get(t)));
        }
        palette.set(palettes.get(theme.get()));
        theme.addListener((o, a, t) -> palette.set(palettes.get(t == null ? Theme.DARK : t)));
    }

    public ObjectProperty<Theme> theme() {
        return theme;
    }

    /** The current theme's palette; changes with the theme. */
    public ReadOnlyObjectProperty<Palette> palette() {
        return palette.getReadOnlyProperty();
    }

    /** Gives {@code scene} the theme's style sheets now and whenever the theme changes. */
    public void styleScene(Scene scene) {
        scene.getStylesheets().setAll(sheets());
        theme.addListener((o, a, t) -> scene.getStylesheets().setAll(sheets()));
    }

    private List<String> sheets() {
        String layout = ThemeSwitch.class.getResource(LAYOUT).toExternalForm();
        return List.of(layout, colourSheets.get(theme.get() == null ? Theme.DARK : theme.get()));
    }
}
