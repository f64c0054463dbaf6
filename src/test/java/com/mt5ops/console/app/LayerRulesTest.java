package com.mt5ops.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layer rules of style.md, checked on the sources: model/redis/sync/sim never see JavaFX, ui never sees Lettuce. */
class LayerRulesTest {
    private static final Path ROOT = Path.of("src/main/java/com/mt5ops/console");

    private static List<String> offenders(String layer, String forbiddenImport) throws IOException {
        Path dir = ROOT.resolve(layer);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith("import " + forbiddenImport)
                            || l.startsWith("import static " + forbiddenImport));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
    }

    @Test
    void coreLayersDoNotImportJavaFx() throws IOException {
        for (String layer : List.of("model", "redis", "sync", "sim")) {
            assertEquals(List.of(), offenders(layer, "javafx."), layer + " imports JavaFX");
        }
    }

    @Test
    void uiDoesNotImportLettuce() throws IOException {
        assertEquals(List.of(), offenders("ui", "io.lettuce."));
    }

    @Test
    void modelDoesNoIo() throws IOException {
        assertEquals(List.of(), offenders("model", "io.lettuce."));
        assertEquals(List.of(), offenders("model", "com.mt5ops.console.redis"));
    }
}
