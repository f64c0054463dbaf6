package com.mt5ops.console.cli;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.model.TransitionTable;
import java.io.PrintWriter;
import java.time.Clock;

/** What every command needs, handed in by the launcher (and by tests, with captured output). */
public record CliContext(PrintWriter out, PrintWriter err, Clock clock, FreshnessPolicy freshness,
                         TransitionTable table) {

    public InstanceParser parser() {
        return new InstanceParser(freshness);
    }
}
