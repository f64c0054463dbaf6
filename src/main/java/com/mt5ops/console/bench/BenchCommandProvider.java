package com.mt5ops.console.bench;

import com.mt5ops.console.cli.CliContext;
import com.mt5ops.console.cli.CommandProvider;

/** Offers `bench` to the command line (listed in META-INF/services), so that nothing else imports the bench. */
public final class BenchCommandProvider implements CommandProvider {
    @Override
    public Object create(CliContext ctx) {
        return new BenchCommand(ctx);
    }
}
