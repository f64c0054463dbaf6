package com.mt5ops.console.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.HashPart;
import com.mt5ops.console.model.Problem;
import com.mt5ops.console.model.RawInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Writes the snapshot JSON of cli.md (also used by `watch` and the GUI's export), streaming. */
public final class SnapshotJson {
    private final JsonFactory factory = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private final FreshnessPolicy freshness;
    private final Map<String, String> brokerNames;

    /** Without broker names: no {@code broker_name} field (`watch`, which does not read them). */
    public SnapshotJson(FreshnessPolicy freshness) {
        this(freshness, null);
    }

    /** With the shared broker names (broker id -> name): each instance's {@code broker_name}, null when unnamed. */
    public SnapshotJson(FreshnessPolicy freshness, Map<String, String> brokerNames) {
        this.freshness = freshness;
        this.brokerNames = brokerNames;
    }

    public void write(Writer out, String source, Instant takenAt, Collection<Instance> instances, Map<String, Object> stats) {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("source", source);
            g.writeStringField("taken_at", takenAt.toString());
            g.writeArrayFieldStart("instances");
            for (Instance i : instances) {
                writeInstance(g, i, takenAt);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("stats");
            for (Map.Entry<String, Object> e : stats.entrySet()) {
                g.writeObjectField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeInstance(JsonGenerator g, Instance i, Instant now) throws IOException {
        var s = i.state();
        var m = i.metrics();
        var h = i.health();
        g.writeStartObject();
        g.writeStringField("instance_id", i.id());
        g.writeStringField("broker_id", i.brokerOrNull());
        if (brokerNames != null) {
            g.writeStringField("broker_name", i.rawBrokerId() == null ? null : brokerNames.get(i.rawBrokerId()));
        }
        g.writeStringField("state", i.stateOrNull() == null ? null : i.stateOrNull().wire());
        g.writeStringField("launch_mode", s == null || s.launchMode() == null ? null : s.launchMode().wire());
        number(g, "active_connections", s == null ? null : s.activeConnections());
        number(g, "cpu_usage", i.cpuOrNull());
        number(g, "memory_usage", i.memoryOrNull());
        number(g, "network_usage", m == null ? null : m.networkUsage());
        number(g, "disk_usage", m == null ? null : m.diskUsage());
        number(g, "uptime_seconds", i.uptimeOrNull());
        number(g, "restart_count", i.restartsOrNull());
        g.writeStringField("health_status", i.healthOrNull() == null ? null : i.healthOrNull().wire());
        g.writeStringField("last_error", i.lastError());
        time(g, "state_updated_at", s == null ? null : s.lastUpdatedAt());
        time(g, "metrics_updated_at", m == null ? null : m.lastUpdatedAt());
        time(g, "health_updated_at", h == null ? null : h.lastUpdatedAt());
        g.writeStringField("freshness", i.freshness(freshness, now).wire());
        g.writeArrayFieldStart("index_sets");
        for (String set : new TreeSet<>(i.raw().indexSets())) {
            g.writeString(set);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("problems");
        for (Problem p : i.problems()) {
            g.writeStartObject();
            g.writeStringField("code", p.code().name());
            g.writeStringField("key", p.key());
            g.writeStringField("field", p.field());
            g.writeStringField("message", p.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeRaw(g, i.raw());
        g.writeEndObject();
    }

    /** The `stats` object of a snapshot taken by the live mirror (null stats: a one-shot read). */
    public static java.util.Map<String, Object> stats(com.mt5ops.console.sync.MirrorStats s) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("mode", s == null ? "SNAPSHOT" : s.state().name());
        m.put("events", s == null ? 0 : s.events());
        m.put("resyncs", s == null ? 0 : s.resyncs());
        m.put("reconnects", s == null ? 0 : s.reconnects());
        if (s != null) {
            m.put("events_per_second", Math.round(s.eventsPerSecond()));
            m.put("last_full_sync", s.lastFullSync() == null ? null : s.lastFullSync().toString());
            m.put("version", s.version());
            m.put("reason", s.reason());
            if (!s.master().isEmpty()) {
                m.put("master", s.master()); // behind Sentinel: the master the mirror reads
            }
            if (s.cluster().isCluster()) { // on a Redis Cluster: the masters LIVE of all, and the slots of the others
                m.put("masters_live", s.cluster().live());
                m.put("masters", s.cluster().total());
                m.put("down_slots", s.cluster().down().count());
                m.put("masters_detail", s.cluster().detail());
            }
        }
        return m;
    }

    /** The `raw` object: each hash exactly as stored, or null where the key is absent. */
    public static void writeRaw(JsonGenerator g, RawInstance raw) throws IOException {
        g.writeObjectFieldStart("raw");
        for (HashPart part : HashPart.values()) {
            hash(g, part.hashName(), raw.hash(part));
        }
        g.writeEndObject();
    }

    private static void hash(JsonGenerator g, String name, Map<String, String> hash) throws IOException {
        if (hash == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : new TreeMap<>(hash).entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, Number value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else if (value instanceof Double d) {
            g.writeNumberField(name, d);
        } else {
            g.writeNumberField(name, value.longValue());
        }
    }

    private static void time(JsonGenerator g, String name, Instant value) throws IOException {
        g.writeStringField(name, value == null ? null : value.toString());
    }
}
