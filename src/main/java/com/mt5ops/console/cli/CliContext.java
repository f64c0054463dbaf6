package com.mt5ops.console.cli;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.model.TransitionTable;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Function;

/**
 * What every command needs, handed in by the launcher (and by tests, with captured output). {@code env} reads an
 * environment variable (null when unset): the process's own, or a test's map.
 */
public record CliContext(PrintWriter out, PrintWriter err, Clock clock, FreshnessPolicy freshness,
                         TransitionTable table, Function<String, String> env) {

    /** With the process's environment. */
    public CliContext(PrintWriter out, PrintWriter err, Clock clock, FreshnessPolicy freshness, TransitionTable table) {
        this(out, err, clock, freshness, table, System::getenv);
    }

    public InstanceParser parser() {
        return new InstanceParser(freshness);
    }
}
