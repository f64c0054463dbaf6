package com.mt5ops.console.app;

import com.mt5ops.console.cli.CheckCommand;
import com.mt5ops.console.cli.CliContext;
import com.mt5ops.console.cli.CommandProvider;
import com.mt5ops.console.cli.ErrorHandler;
import com.mt5ops.console.cli.MarkRestartCommand;
import com.mt5ops.console.cli.SimulateCommand;
import com.mt5ops.console.cli.SnapshotCommand;
import com.mt5ops.console.cli.TransitionCommand;
import com.mt5ops.console.cli.WatchCommand;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.TransitionTable;
import com.mt5ops.console.ui.fx.FxStartup;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ServiceLoader;
import picocli.CommandLine;

/** Wires the commands with their dependencies: the one place the CLI is assembled. */
public final class CommandLineFactory {
    private final CliContext ctx;
    private final FxStartup fx;

    /** The process's own streams and clock; {@code fx} may already be starting (the launcher saw a window coming). */
    public CommandLineFactory(FxStartup fx) {
        this(new CliContext(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), false),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                Clock.systemUTC(), FreshnessPolicy.defaults(), new TransitionTable()), fx);
    }

    public CommandLineFactory(CliContext ctx) {
        this(ctx, new FxStartup());
    }

    public CommandLineFactory(CliContext ctx, FxStartup fx) {
        this.ctx = ctx;
        this.fx = fx;
    }

    public CommandLine create() {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == GuiCommand.class) {
                    return type.cast(new GuiCommand(ctx, fx));
                }
                try {
                    return type.getConstructor(CliContext.class).newInstance(ctx);
                } catch (NoSuchMethodException noContext) {
                    return CommandLine.defaultFactory().create(type);
                }
            }
        };
        CommandLine cl = new CommandLine(new RootCommand(), factory);
        for (Class<?> c : new Class<?>[] {SnapshotCommand.class, TransitionCommand.class, MarkRestartCommand.class,
            CheckCommand.class, SimulateCommand.class, WatchCommand.class}) {
            cl.addSubcommand(new CommandLine(c, factory));
        }
        // `bench` sits above app/ and is found, not imported (META-INF/services); it keeps its place before `gui`.
        ClassLoader loader = CommandProvider.class.getClassLoader();
        for (CommandProvider provider : ServiceLoader.load(CommandProvider.class, loader)) {
            cl.addSubcommand(new CommandLine(provider.create(ctx), factory));
        }
        cl.addSubcommand(new CommandLine(GuiCommand.class, factory));
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        return withHandlers(cl);
    }

    /**
     * Only the `gui` command, for a launch that opens the window: picocli reads every command's annotations when the
     * whole line is built, a fifth of a second cold that the window would wait for.
     */
    public CommandLine createGui() {
        return withHandlers(new CommandLine(new GuiCommand(ctx, fx)));
    }

    private CommandLine withHandlers(CommandLine cl) {
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setExecutionExceptionHandler(new ErrorHandler(LogFile.path().toString()));
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage() + " (see: mt5-console "
                    + ex.getCommandLine().getCommandName() + " --help)");
            ex.getCommandLine().getErr().flush();
            return 2;
        });
        return cl;
    }
}
