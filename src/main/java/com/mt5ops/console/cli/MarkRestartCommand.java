package com.mt5ops.console.cli;

import com.mt5ops.console.model.InstanceState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `mark-restart`: manual restart marking, to restarting with restart_count + 1, in one step. */
@Command(name = "mark-restart", mixinStandardHelpOptions = true, description = "Mark a manual restart: state restarting and restart_count + 1, atomically.")
public final class MarkRestartCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    RedisOption redis;

    @Option(names = "--id", required = true, description = "instance id")
    String id;

    @Option(names = "--reason", description = "why, for the audit trail")
    String reason;

    @Option(names = "--operator", description = "who (default: the OS user)")
    String operator;

    public MarkRestartCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return new TransitionRunner(ctx).run(redis, id, null, InstanceState.RESTARTING, true, reason, operator);
    }
}
