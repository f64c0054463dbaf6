package com.mt5ops.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.mt5ops.console.ui.settings.Settings;
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
        Settings s = Settings.defaults().withView("light", "table", "CPU", true, "NOT_LIVE")
                .withRedis("redis://ops:s3cret@redis.prod:6379/0");
        store.save(s);
        String onDisk = Files.readString(store.file());
        assertFalse(onDisk.contains("s3cret"), onDisk);
        Settings back = store.load();
        assertEquals("redis://ops@redis.prod:6379/0", back.redis());
        assertEquals("light", back.theme());
        assertEquals("table", back.view());
        assertEquals("CPU", back.sort());
        assertEquals("NOT_LIVE", back.freshnessFilter());
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
        Settings s = new Settings("dark", "grid", "ID", false, "ANY", 60, 10, 5, null);
        assertEquals(Duration.ofSeconds(15), s.freshness().aging());
        assertEquals("redis://127.0.0.1:6379/0", Settings.withoutPassword("redis://:pw@127.0.0.1:6379/0"));
    }
}
