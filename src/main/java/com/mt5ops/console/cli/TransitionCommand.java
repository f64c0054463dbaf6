package com.mt5ops.console.cli;

import com.mt5ops.console.model.InstanceState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `transition`: one atomic CAS transition. */
@Command(name = "transition", mixinStandardHelpOptions = true, description = "Move one instance to another state, atomically (compare-and-set).")
public final class TransitionCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    RedisOption redis;

    @Option(names = "--id", required = true, description = "instance id")
    String id;

    @Option(names = "--to", required = true, converter = StateConverter.class, description = "target state")
    InstanceState to;

    @Option(names = "--from", description = "the state you expect it to be in now (default: as read)")
    String from;

    @Option(names = "--reason", description = "why, for the audit trail")
    String reason;

    @Option(names = "--operator", description = "who (default: the OS user)")
    String operator;

    public TransitionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return new TransitionRunner(ctx).run(redis, id, from, to, false, reason, operator);
    }
}
