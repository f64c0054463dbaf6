package com.mt5ops.console.ui.export;

import com.mt5ops.console.export.SnapshotJson;
import com.mt5ops.console.export.SnapshotText;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.sync.MirrorStats;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Writes the current view to CSV or to the snapshot JSON, off the FX thread, for incident reports; only the owner
 * may read the file ({@link OwnerOnlyFiles}).
 */
public final class ExportActions {
    private final FreshnessPolicy policy;
    private final String source;
    private final Executor io;

    public ExportActions(FreshnessPolicy policy, String source, Executor io) {
        this.policy = policy;
        this.source = source;
        this.io = io;
    }

    /** {@code brokerNames}: broker id -> shared name, the {@code broker_name} column. */
    public CompletableFuture<File> csv(File target, List<Instance> rows, Map<String, String> brokerNames) {
        Instant now = Instant.now();
        return CompletableFuture.supplyAsync(() -> write(target, w -> new SnapshotText(policy, brokerNames).csv(new PrintWriter(w), rows, now)), io);
    }

    /** {@code brokerNames}: broker id -> shared name, each instance's {@code broker_name}. */
    public CompletableFuture<File> json(File target, List<Instance> rows, MirrorStats stats, Map<String, String> brokerNames) {
        Instant now = Instant.now();
        Map<String, Object> s = SnapshotJson.stats(stats);
        return CompletableFuture.supplyAsync(() -> write(target, w -> new SnapshotJson(policy, brokerNames).write(w, source, now, rows, s)), io);
    }

    private static File write(File target, java.util.function.Consumer<Writer> body) {
        try {
            OwnerOnlyFiles.write(target.toPath(), body);
            return target;
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "the folder does not exist"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
            throw new java.io.UncheckedIOException("cannot write " + target + ": " + why, e);
        }
    }
}
