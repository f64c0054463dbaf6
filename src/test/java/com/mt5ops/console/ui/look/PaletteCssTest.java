package com.mt5ops.console.ui.look;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PaletteCssTest {
    private static final Pattern VARIABLE = Pattern.compile("-c-[a-z-]+[a-z]");
    private static final Path LAYOUT = Path.of("assets/css/console.css");

    private static Set<String> variables(String css) {
        Set<String> found = new TreeSet<>();
        Matcher m = VARIABLE.matcher(css);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void theStyleSheetUsesOnlyColoursThePaletteDefinesAndWritesNoneItself() throws Exception {
        String layout = Files.readString(LAYOUT);
        Set<String> dark = variables(PaletteCss.css(Palette.dark()));
        Set<String> light = variables(PaletteCss.css(Palette.light()));
        assertEquals(dark, light, "both themes define the same colours");
        Set<String> missing = new TreeSet<>(variables(layout));
        missing.removeAll(dark);
        assertEquals(Set.of(), missing, "console.css names colours the palette does not define");
        String withoutComments = layout.replaceAll("(?s)/\\*.*?\\*/", "");
        assertTrue(!Pattern.compile("#[0-9a-fA-F]{3,8}\\b|\\b(white|black)\\b|rgba?\\(").matcher(withoutComments).find(),
                "console.css writes a colour of its own");
    }

    @Test
    void eachPaletteColourBecomesALookedUpColourOfTheSameValue() {
        Palette p = Palette.light();
        String css = PaletteCss.css(p);
        assertTrue(css.contains("-c-card-selected: #ddf4ff;"), css);
        assertTrue(css.contains("-c-on-fill-strong: #ffffff;"), css);
        assertTrue(css.contains("-c-bg: " + PaletteCss.hex(p.bg()) + ";"), css);
        assertEquals(Palette.class.getRecordComponents().length, variables(css).size());
        String uri = PaletteCss.dataUri(p);
        assertTrue(uri.startsWith("data:text/css;base64,"));
        assertEquals(css, new String(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)), StandardCharsets.UTF_8));
    }
}
