package com.mt5ops.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.ui.fleet.FreshnessFilter;
import com.mt5ops.console.ui.fleet.SortOrder;
import com.mt5ops.console.ui.look.Theme;
import com.mt5ops.console.ui.settings.ConnectionProfile;
import com.mt5ops.console.ui.settings.Settings;
import com.mt5ops.console.ui.settings.ViewMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "redis://ops:s3cret@redis.prod:6379/0 | redis://ops@redis.prod:6379/0",
        "redis://:s3cret@redis.prod:6379/0 | redis://redis.prod:6379/0",
        "redis://redis.prod:6379/0?password=s3cret | redis://redis.prod:6379/0",
        "rediss://ops:s3cret@redis.prod:6380/2?timeout=5s&pass=s3cret | rediss://ops@redis.prod:6380/2?timeout=5s",
        "redis-sentinel://ops:s3cret@s1:26379,s2:26379/0#mymaster | redis-sentinel://ops@s1:26379,s2:26379/0#mymaster",
        "redis://ops:s3cr%65t@redis.prod:6379/0 | redis://ops@redis.prod:6379/0",
        "redis://ops:s3c@ret@redis.prod:6379/0 | redis://ops@redis.prod:6379/0",
        "redis://ops:s3c#ret@redis.prod:6379/0 | ",
        "redis://ops:s3cret | ",
        "redis://ops@redis.prod:6379/0 | redis://ops@redis.prod:6379/0"})
    void noPasswordIsWrittenForAnyUriForm(String uri, String remembered) throws Exception {
        SettingsStore store = new SettingsStore(dir);
        store.save(Settings.defaults().withRedis(uri));
        String onDisk = Files.readString(store.file());
        assertFalse(onDisk.contains("s3cr"), onDisk);
        assertFalse(onDisk.contains("ret@"), onDisk);
        assertEquals(remembered, store.load().redis());
    }

    @Test
    void theFileIsOwnerOnlyFromItsCreationInAnOwnerOnlyFolder() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("new").resolve("mt5-console"));
        store.save(Settings.defaults());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file().getParent())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new"))));
        // a file an older version left readable to all is replaced by an owner-only one
        SettingsStore old = new SettingsStore(dir);
        Files.writeString(old.file(), "{}");
        Files.setPosixFilePermissions(old.file(), PosixFilePermissions.fromString("rw-r--r--"));
        old.save(Settings.defaults().withRedis("redis://ops:s3cret@h:6379/0"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(old.file())));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("new", "settings.json"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file is left behind");
        }
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
    void profilesAreKeptInOrderWithoutAnyPasswordAndTheLastOneIsRemembered() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        List<ConnectionProfile> profiles = List.of(
                new ConnectionProfile("prod-eu", "rediss://ops:s3cret@redis.eu:6380/0?password=s3cret", "ops", "/etc/ca.pem", "", ""),
                new ConnectionProfile("lab", "redis://lab:6379/1", "", "", "", ""));
        store.save(Settings.defaults().withProfiles(profiles).withConnection("rediss://ops@redis.eu:6380/0", "prod-eu"));
        String onDisk = Files.readString(store.file());
        assertFalse(onDisk.contains("s3cret"), onDisk);
        Settings back = store.load();
        assertEquals(List.of(new ConnectionProfile("prod-eu", "rediss://ops@redis.eu:6380/0", "ops", "/etc/ca.pem", "", ""), profiles.get(1)),
                back.profiles());
        assertEquals("prod-eu", back.profile());
        assertEquals(Theme.DARK, back.withView(Theme.DARK, ViewMode.GRID, SortOrder.ID, false, FreshnessFilter.ANY).theme());
        assertEquals(back.profiles(), back.withView(Theme.LIGHT, ViewMode.GRID, SortOrder.ID, false, FreshnessFilter.ANY).profiles(),
                "a view change keeps the profiles");
    }

    @Test
    void insaneThresholdsFallBackToDefaults() {
        Settings s = new Settings(Theme.DARK, ViewMode.GRID, SortOrder.ID, false, FreshnessFilter.ANY, 60, 10, 5, null);
        assertEquals(Duration.ofSeconds(15), s.freshness().aging());
        assertEquals("redis://127.0.0.1:6379/0", Settings.withoutPassword("redis://:pw@127.0.0.1:6379/0"));
    }
}
