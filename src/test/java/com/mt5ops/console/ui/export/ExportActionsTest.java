package com.mt5ops.console.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.sync.ConnectionState;
import com.mt5ops.console.sync.MirrorStats;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's exports: fleet data for incident reports, readable by their owner only. */
class ExportActionsTest {
    @TempDir
    Path dir;

    private final ExportActions export = new ExportActions(FreshnessPolicy.defaults(), "redis://127.0.0.1:6379/0", Runnable::run);

    @Test
    void exportsAreWrittenOwnerOnly() throws Exception {
        File csv = export.csv(dir.resolve("fleet.csv").toFile(), List.of(), java.util.Map.of()).join();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(csv.toPath())));
        assertTrue(Files.readString(csv.toPath()).startsWith("instance_id"), Files.readString(csv.toPath()));
        Path json = dir.resolve("fleet.json");
        Files.writeString(json, "old");
        Files.setPosixFilePermissions(json, PosixFilePermissions.fromString("rw-r--r--"));
        export.json(json.toFile(), List.of(), new MirrorStats(ConnectionState.LIVE, null, 0, 0, 0, 0, 1, 0, "", "", null), java.util.Map.of()).join();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(json)));
        assertTrue(Files.readString(json).contains("\"instances\""), Files.readString(json));
    }
}
