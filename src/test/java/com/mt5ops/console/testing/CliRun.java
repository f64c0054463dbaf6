package com.mt5ops.console.testing;

import com.mt5ops.console.app.CommandLineFactory;
import com.mt5ops.console.cli.CliContext;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.TransitionTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Runs one CLI command in-process, exactly as the launcher wires it, and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    /** With an empty environment: nothing of the real one (an MT5_REDIS_PASSWORD, say) leaks into a test. */
    public static CliRun of(String... args) {
        return start(args).result().join();
    }

    /** With {@code env} as the whole environment the command sees. */
    public static CliRun withEnv(Map<String, String> env, String... args) {
        return start(env, args).result().join();
    }

    /** A command running in the background whose output can be read while it runs. */
    public record Running(StringWriter out, StringWriter err, CompletableFuture<CliRun> result) {
        public String outSoFar() {
            synchronized (out) {
                return out.toString();
            }
        }
    }

    public static Running start(String... args) {
        return start(Map.of(), args);
    }

    public static Running start(Map<String, String> env, String... args) {
        // CompletableFuture's default: a thread per command where the common pool has fewer than two threads
        return start(env, null, args);
    }

    /** On {@code executor} (null: CompletableFuture's default), e.g. a thread each for commands meant to race. */
    public static Running start(Map<String, String> env, java.util.concurrent.Executor executor, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out, true) {
            @Override
            public void write(String s, int off, int len) {
                synchronized (out) {
                    super.write(s, off, len);
                }
            }
        };
        CliContext ctx = new CliContext(outWriter, new PrintWriter(err, true), Clock.systemUTC(),
                FreshnessPolicy.defaults(), new TransitionTable(), env::get);
        java.util.function.Supplier<CliRun> run = () -> {
            int code = new CommandLineFactory(ctx).create().execute(args);
            return new CliRun(code, out.toString(), err.toString());
        };
        CompletableFuture<CliRun> result = executor == null ? CompletableFuture.supplyAsync(run) : CompletableFuture.supplyAsync(run, executor);
        return new Running(out, err, result);
    }

    /** Lines printed on stderr, ignoring blank ones. */
    public long errLines() {
        return err.lines().filter(l -> !l.isBlank()).count();
    }
}
