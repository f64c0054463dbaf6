package com.mt5ops.console.archfixture.app;

/** Breaks "nothing imports the bench": app names it, as the old command list did, and closes app -> bench -> app. */
public final class BenchBreach {
    com.mt5ops.console.archfixture.bench.Bench bench;
}
