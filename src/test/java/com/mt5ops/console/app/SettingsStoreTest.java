package com.mt5ops.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.ui.fleet.FreshnessFilter;
import com.mt5ops.console.ui.fleet.SortOrder;
import com.mt5ops.console.ui.look.Theme;
import com.mt5ops.console.ui.settings.Settings;
import com.mt5ops.console.ui.settings.ViewMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void settingsRoundTripAndPasswordsAreNeverWritten() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Settings s = Settings.defaults().withView(Theme.LIGHT, ViewMode.TABLE, SortOrder.CPU, true, FreshnessFilter.NOT_LIVE)
                .withRedis("redis://ops:s3cret@redis.prod:6379/0");
        store.save(s);
        String onDisk = Files.readString(store.file());
        assertFalse(onDisk.contains("s3cret"), onDisk);
        Settings back = store.load();
        assertEquals("redis://ops@redis.prod:6379/0", back.redis());
        assertEquals(Theme.LIGHT, back.theme());
        assertEquals(ViewMode.TABLE, back.view());
        assertEquals(SortOrder.CPU, back.sort());
        assertEquals(FreshnessFilter.NOT_LIVE, back.freshnessFilter());
        assertTrue(onDisk.contains("\"NOT_LIVE\""), "enums are written by name: " + onDisk);
    }

    @Test
    void anUnknownChoiceFallsBackToItsDefaultAndKeepsTheRest() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), """
                { "theme": "solarized", "view": "table", "sort": "BY_MOOD", "problemsOnly": true,
                  "freshnessFilter": "FRESH", "agingSeconds": 20, "staleSeconds": 90, "lostSeconds": 600,
                  "redis": "redis://127.0.0.1:6379/0" }
                """);
        Settings back = store.load();
        assertEquals(Theme.DARK, back.theme(), "unknown theme: the default");
        assertEquals(SortOrder.PROBLEMS_FIRST, back.sort(), "unknown sort: the default");
        assertEquals(ViewMode.TABLE, back.view());
        assertEquals(FreshnessFilter.FRESH, back.freshnessFilter());
        assertTrue(back.problemsOnly());
        assertEquals(Duration.ofSeconds(90), back.freshness().stale());
        assertEquals("redis://127.0.0.1:6379/0", back.redis());
    }

    @Test
    void aFileFromTheVersionThatStoredLowerCaseWordsStillReads() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), """
                { "theme": "light", "view": "table", "sort": "CPU", "problemsOnly": false, "freshnessFilter": "ANY" }
                """);
        Settings back = store.load();
        assertEquals(Theme.LIGHT, back.theme());
        assertEquals(ViewMode.TABLE, back.view());
        assertEquals(SortOrder.CPU, back.sort());
        assertEquals(FreshnessFilter.ANY, back.freshnessFilter());
    }

    @Test
    void missingOrBrokenFileMeansDefaults() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        assertEquals(Settings.defaults(), store.load());
        Files.writeString(store.file(), "{ not json");
        assertEquals(Settings.defaults(), store.load());
    }

    @Test
    void insaneThresholdsFallBackToDefaults() {
        Settings s = new Settings(Theme.DARK, ViewMode.GRID, SortOrder.ID, false, FreshnessFilter.ANY, 60, 10, 5, null);
        assertEquals(Duration.ofSeconds(15), s.freshness().aging());
        assertEquals("redis://127.0.0.1:6379/0", Settings.withoutPassword("redis://:pw@127.0.0.1:6379/0"));
    }
}
