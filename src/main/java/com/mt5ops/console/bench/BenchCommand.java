package com.mt5ops.console.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mt5ops.console.bench.fx.FxPulseBench;
import com.mt5ops.console.cli.CliContext;
import com.mt5ops.console.cli.ExitCodes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `bench`: the performance suite on a private Redis (and a private Redis Cluster), with each target next to its number. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run the performance suite on a private Redis (and Redis Cluster) and compare with the targets.")
public final class BenchCommand implements Callable<Integer> {
    enum Format { json, table }

    /** A target: the key, the limit, and whether the number must stay below (true) or above it. */
    record Target(String key, double limit, boolean atMost) {
        boolean met(double value) {
            return atMost ? value <= limit : value >= limit;
        }
    }

    static final List<Target> TARGETS = List.of(
            new Target("load_ratio", 2, true), new Target("cluster_load_ratio", 2, true), new Target("throughput_ratio", 0.9, false),
            new Target("converge_ms", 500, true), new Target("latency_p99_ms", 10, true),
            new Target("heap_mb", 256, true), new Target("fx_pulse_p99_ms", 16.7, true),
            new Target("startup_ms", 2000, true));

    private final CliContext ctx;

    @Option(names = "--quick", description = "a smaller run of the same suite (under a minute)")
    boolean quick;

    @Option(names = "--format", defaultValue = "table", description = "json or table (default: ${DEFAULT-VALUE})")
    Format format;

    public BenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        BenchResult result = new MirrorBench(quick, ctx.err()).run();
        new ClusterLoadBench(quick, ctx.err(), MirrorBench.INSTANCES).run(result);
        ctx.err().println("fx pulse: the window with 10000 instances under 5000 updates/s, headless");
        ctx.err().flush();
        var fx = FxPulseBench.run(10_000, 5_000, quick ? 5 : 15);
        result.put("fx_pulse_p50_ms", fx.pulseP50Ms());
        result.put("fx_pulse_p99_ms", fx.pulseP99Ms());
        result.put("fx_frame_interval_p99_ms", fx.frameIntervalP99Ms());
        result.put("fx_pulses", fx.pulses());
        if (format == Format.json) {
            ctx.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result.values()));
        } else {
            for (Map.Entry<String, Object> e : result.values().entrySet()) {
                Target t = TARGETS.stream().filter(x -> x.key().equals(e.getKey())).findFirst().orElse(null);
                String verdict = t == null ? "" : String.format("%s %s %s", t.met(result.number(e.getKey())) ? "ok  " : "MISS",
                        t.atMost() ? "<=" : ">=", t.limit());
                ctx.out().printf("%-20s %12s   %s%n", e.getKey(), e.getValue(), verdict);
            }
        }
        ctx.out().flush();
        boolean allMet = TARGETS.stream().filter(t -> result.values().containsKey(t.key())).allMatch(t -> t.met(result.number(t.key())));
        return allMet ? ExitCodes.DONE : ExitCodes.PROBLEMS_FOUND;
    }
}
