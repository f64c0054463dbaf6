package com.mt5ops.console.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.mt5ops.console.export.SnapshotJson;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.sync.Change;
import com.mt5ops.console.sync.ConnectionState;
import com.mt5ops.console.sync.FleetMirror;
import com.mt5ops.console.sync.MirrorBatch;
import com.mt5ops.console.sync.MirrorConfig;
import com.mt5ops.console.sync.MirrorRights;
import com.mt5ops.console.sync.MirrorStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `watch`: runs the live mirror headless, then prints its final state (json) or streams its changes (jsonl). */
@Command(name = "watch", mixinStandardHelpOptions = true, description = "Run the live mirror (the GUI's engine) headless for N seconds.")
public final class WatchCommand implements Callable<Integer> {
    enum Format { json, jsonl }

    /** Without a first full read and unable to connect this long, the watch ends with exit 5. */
    private static final java.time.Duration GIVE_UP = java.time.Duration.ofSeconds(5);

    private final CliContext ctx;

    @Mixin
    RedisOption redis;

    @Option(names = "--seconds", required = true, description = "how long to watch")
    long seconds;

    @Option(names = "--format", defaultValue = "json", description = "json (final mirror) or jsonl (one line per change)")
    Format format;

    @Option(names = "--enable-notifications", description = "allow adding the missing K g h s x to notify-keyspace-events "
            + "(CONFIG SET, keeping every flag set); without it the server's configuration is never changed")
    boolean enableNotifications;

    public WatchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (seconds < 0) {
            ctx.err().println("error: --seconds must not be negative");
            ctx.err().flush();
            return ExitCodes.USAGE;
        }
        JsonFactory json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        CountDownLatch stop = new CountDownLatch(1);
        try (SignalStop signal = new SignalStop("watch-stop", stop::countDown);
             RedisConnector connector = redis.connector();
             FleetMirror mirror = new FleetMirror(connector, ctx.parser(), MirrorConfig.defaults(), ctx.clock(),
                     MirrorRights.of(false, enableNotifications))) {
            if (format == Format.jsonl) {
                mirror.addListener(batch -> streamChanges(json, batch));
            }
            mirror.start();
            boolean gaveUp = awaitEnd(stop, mirror);
            MirrorStats stats = mirror.stats();
            mirror.close();
            if (stats.lastFullSync() == null) {
                // Never a whole fleet to stand behind: an empty or partial mirror must not pass for the truth.
                ctx.err().println("error: no full read of " + connector.endpoint().display() + (gaveUp ? " within "
                        + GIVE_UP.toSeconds() + " s" : " yet when the watch ended") + " ("
                        + stats.state() + (stats.reason().isEmpty() ? "" : ": " + stats.reason()) + ")");
                ctx.err().flush();
                return signal.finished(ExitCodes.UNAVAILABLE);
            }
            if (format == Format.json) {
                new SnapshotJson(ctx.freshness()).write(ctx.out(), connector.endpoint().display(), ctx.clock().instant(),
                        mirror.instances().values(), SnapshotJson.stats(stats));
            }
            ctx.out().flush();
            return signal.finished(ExitCodes.DONE);
        }
    }

    /**
     * Waits out --seconds or a signal; true when it gave up early because the mirror could not connect within
     * {@link #GIVE_UP} (every command says "cannot connect" within 10 s, closing included).
     */
    private boolean awaitEnd(CountDownLatch stop, FleetMirror mirror) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0 || stop.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS)) {
                return false;
            }
            MirrorStats stats = mirror.stats();
            if (stats.lastFullSync() == null && stats.state() == ConnectionState.DISCONNECTED
                    && System.nanoTime() - start >= GIVE_UP.toNanos()) {
                return true;
            }
        }
    }

    /** The last connection state written to the stream, with a cluster's masters LIVE (worker thread only). */
    private String streamed;

    private void streamChanges(JsonFactory json, MirrorBatch batch) {
        try {
            MirrorStats s = batch.stats();
            String connection = s.state().name() + (s.cluster().isCluster() ? " " + s.cluster().ratio() : "");
            if (!connection.equals(streamed)) {
                streamed = connection;
                try (JsonGenerator g = json.createGenerator(ctx.out())) {
                    g.writeStartObject();
                    g.writeNumberField("applied_at_ms", batch.publishedAtMs());
                    g.writeStringField("connection", s.state().name());
                    g.writeStringField("detail", s.reason().isEmpty() ? s.cluster().detail() : s.reason());
                    if (s.cluster().isCluster()) {
                        g.writeStringField("masters", s.cluster().ratio()); // on a Redis Cluster: "3/3" masters LIVE
                    }
                    g.writeEndObject();
                }
                ctx.out().write('\n');
                ctx.out().flush();
            }
            for (Change c : batch.changes()) {
                try (JsonGenerator g = json.createGenerator(ctx.out())) {
                    g.writeStartObject();
                    g.writeNumberField("applied_at_ms", batch.publishedAtMs());
                    g.writeStringField("instance_id", c.instanceId());
                    g.writeStringField("change", c.kind() == Change.Kind.UPSERT ? "upsert" : "removed");
                    if (c.instance() == null) {
                        g.writeNullField("raw");
                    } else {
                        SnapshotJson.writeRaw(g, c.instance().raw());
                    }
                    g.writeEndObject();
                }
                ctx.out().write('\n');
            }
            ctx.out().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
