package com.mt5ops.console.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mt5ops.console.ui.export.OwnerOnlyFiles;
import com.mt5ops.console.ui.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link Settings} as JSON in the user's config dir ($XDG_CONFIG_HOME or ~/.config, then
 * mt5-console/settings.json; the system property mt5.config.dir overrides). A missing or broken file means
 * defaults, never a failure to start; so does an unknown choice in it (one from another version): that one only.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private final Path file;
    // choices are enums written by name; read case-blind (older files say "dark", "grid") and unknown ones as null,
    // which Settings turns into its default
    private final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();

    public SettingsStore(Path dir) {
        this.file = dir.resolve("settings.json");
    }

    public static SettingsStore forUser() {
        String override = System.getProperty("mt5.config.dir");
        if (override != null) {
            return new SettingsStore(Path.of(override));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new SettingsStore(base.resolve("mt5-console"));
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.defaults();
        }
        try {
            Settings s = json.readValue(file.toFile(), Settings.class);
            return s.withoutPasswords();
        } catch (IOException e) {
            LOG.warn("ignoring unreadable settings {}: {}", file, e.getMessage());
            return Settings.defaults();
        }
    }

    /** Writes the settings owner-only (0600 in a 0700 directory it creates), every URI without any password. */
    public synchronized void save(Settings settings) {
        Settings safe = settings.withoutPasswords();
        try {
            OwnerOnlyFiles.createDirectories(file.getParent());
            OwnerOnlyFiles.write(file, w -> {
                try {
                    json.writeValue(w, safe);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            LOG.warn("could not save settings to {}: {}", file, e.getMessage());
        }
    }

    public Path file() {
        return file;
    }
}
