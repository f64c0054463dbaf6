package com.mt5ops.console.archfixture.cli;

/** Obeys the rules: cli uses sync, export and sim. */
public final class Command {
    com.mt5ops.console.archfixture.sync.Mirror mirror;
    com.mt5ops.console.archfixture.export.Writer writer;
    com.mt5ops.console.archfixture.sim.Simulator simulator;
}
