package com.mt5ops.console.export;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.Problem;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The CSV and the human table forms of a snapshot. CSV cells are defused against formula injection
 * ({@link CsvCell}); the table escapes what a terminal would act on ({@link TerminalText}).
 */
public final class SnapshotText {
    private static final String[] COLUMNS = {"instance_id", "broker_id", "state", "launch_mode", "active_connections",
        "cpu_usage", "memory_usage", "network_usage", "disk_usage", "uptime_seconds", "restart_count", "health_status",
        "last_error", "freshness", "index_sets", "problems", "broker_name"};

    private final FreshnessPolicy freshness;
    private final Function<String, String> brokerNames;

    public SnapshotText(FreshnessPolicy freshness) {
        this(freshness, Map.of());
    }

    /** With the shared broker names (broker id -> name): the CSV's last column, {@code broker_name}. */
    public SnapshotText(FreshnessPolicy freshness, Map<String, String> brokerNames) {
        this.freshness = freshness;
        this.brokerNames = brokerNames::get;
    }

    public void csv(PrintWriter out, Collection<Instance> instances, Instant now) {
        out.println(String.join(",", COLUMNS));
        for (Instance i : instances) {
            String[] row = row(i, now);
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    out.print(',');
                }
                out.print(CsvCell.of(row[c]));
            }
            out.println();
        }
        out.flush();
    }

    public void table(PrintWriter out, Collection<Instance> instances, Instant now) {
        String format = "%-36s  %-10s  %-6s  %6s  %9s  %-8s  %8s  %4s  %-5s  %s%n";
        out.printf(Locale.ROOT, format, "INSTANCE", "STATE", "MODE", "CPU%", "MEM MB", "HEALTH", "UPTIME", "RST", "DATA", "PROBLEMS");
        for (Instance i : instances) {
            String[] r = row(i, now);
            out.printf(Locale.ROOT, format, TerminalText.escape(r[0]), dash(r[2]), dash(r[3]), dash(r[5]), dash(r[6]), dash(r[11]),
                    dash(r[9]), dash(r[10]), r[13], TerminalText.escape(r[15]));
        }
        out.printf(Locale.ROOT, "%d instances, %d with problems%n", instances.size(),
                instances.stream().filter(Instance::hasProblems).count());
        out.flush();
    }

    private String[] row(Instance i, Instant now) {
        var s = i.state();
        var m = i.metrics();
        return new String[] {i.id(),
            i.brokerOrNull(),
            i.stateOrNull() == null ? null : i.stateOrNull().wire(),
            s == null || s.launchMode() == null ? null : s.launchMode().wire(),
            str(s == null ? null : s.activeConnections()),
            num(i.cpuOrNull()), num(i.memoryOrNull()),
            num(m == null ? null : m.networkUsage()), num(m == null ? null : m.diskUsage()),
            str(i.uptimeOrNull()), str(i.restartsOrNull()),
            i.healthOrNull() == null ? null : i.healthOrNull().wire(),
            i.lastError(),
            i.freshness(freshness, now).wire(),
            String.join(" ", new java.util.TreeSet<>(i.raw().indexSets())),
            i.problems().stream().map(Problem::code).map(Enum::name).distinct().collect(Collectors.joining(" ")),
            i.rawBrokerId() == null ? null : brokerNames.apply(i.rawBrokerId())};
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String num(Double d) {
        return d == null ? null : (d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : d.toString());
    }

    /** A column of the table: "-" for null, else the text escaped for the terminal. */
    private static String dash(String s) {
        return s == null ? "-" : TerminalText.escape(s);
    }
}
