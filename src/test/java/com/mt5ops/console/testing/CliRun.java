package com.mt5ops.console.testing;

import com.mt5ops.console.app.CommandLineFactory;
import com.mt5ops.console.cli.CliContext;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.TransitionTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;

/** Runs one CLI command in-process, exactly as the launcher wires it, and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC(),
                FreshnessPolicy.defaults(), new TransitionTable());
        int code = new CommandLineFactory(ctx).create().execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Lines printed on stderr, ignoring blank ones. */
    public long errLines() {
        return err.lines().filter(l -> !l.isBlank()).count();
    }
}
