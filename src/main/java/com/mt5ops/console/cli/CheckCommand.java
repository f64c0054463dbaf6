package com.mt5ops.console.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.mt5ops.console.export.TerminalText;
import com.mt5ops.console.model.Problem;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.redis.CheckReport;
import com.mt5ops.console.redis.IntegrityChecker;
import com.mt5ops.console.redis.RedisConnector;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `check`: the integrity report; `--repair` first completes interrupted transitions (a Redis Cluster's pending records)
 * and rebuilds the state index sets from the hashes.
 */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Report every integrity problem; exit 1 if any. --repair rebuilds the state index sets.")
public final class CheckCommand implements Callable<Integer> {
    enum Format { json, table }

    private final CliContext ctx;

    @Mixin
    RedisOption redis;

    @Option(names = "--format", defaultValue = "table", description = "json or table (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--repair", description = "rebuild the instance:state:* sets from the hashes (touches nothing else);"
            + " on a Redis Cluster, complete interrupted transitions first")
    boolean repair;

    public CheckCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        try (RedisConnector connector = redis.connector()) {
            IntegrityChecker checker = new IntegrityChecker(connector, ctx.parser(), ctx.table());
            CheckReport report = repair ? checker.repair() : checker.check();
            if (format == Format.json) {
                json(report);
            } else {
                table(report);
            }
            ctx.out().flush();
            return report.problems().isEmpty() ? ExitCodes.DONE : ExitCodes.PROBLEMS_FOUND;
        }
    }

    private void json(CheckReport report) throws IOException {
        try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(ctx.out())) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("problems");
            for (Problem p : report.problems()) {
                g.writeStartObject();
                g.writeStringField("code", p.code().name());
                g.writeStringField("instance_id", p.instanceId());
                g.writeStringField("key", p.key());
                g.writeStringField("field", p.field());
                g.writeStringField("message", p.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("instances", report.instances());
            g.writeNumberField("problems", report.problems().size());
            g.writeNumberField("instances_with_problems", report.problems().stream().map(Problem::instanceId).filter(id -> id != null).distinct().count());
            if (repair) {
                g.writeNumberField("repaired_memberships", report.repairedMemberships());
                g.writeNumberField("completed_transitions", report.recovered().completed().size());
                g.writeNumberField("incomplete_transitions", report.recovered().incomplete().size());
            }
            g.writeObjectFieldStart("by_code");
            for (Map.Entry<String, Integer> e : report.countsByCode().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        ctx.out().println();
    }

    private void table(CheckReport report) {
        if (repair) {
            for (TransitionResult r : report.recovered().completed()) {
                ctx.out().printf("repair: %s%n", TerminalText.escape(r.message()));
            }
            for (TransitionResult r : report.recovered().incomplete()) {
                ctx.out().printf("repair: not completed: %s%n", TerminalText.escape(r.message()));
            }
            ctx.out().printf("repair: %d index memberships changed%n", report.repairedMemberships());
        }
        // ids, keys, fields and messages quote what Redis holds: escaped, so none can act on the terminal
        for (Problem p : report.problems()) {
            ctx.out().printf("%-16s %-36s %-20s %s%n", p.code(), p.instanceId() == null ? "(server)" : TerminalText.escape(p.instanceId()),
                    TerminalText.escape(p.field() == null ? (p.key() == null ? "" : p.key()) : p.field()), TerminalText.escape(p.message()));
        }
        ctx.out().printf("%d instances, %d problems%s%n", report.instances(), report.problems().size(),
                report.problems().isEmpty() ? "" : " " + report.countsByCode());
    }
}
