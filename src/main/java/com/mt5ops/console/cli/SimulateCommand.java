package com.mt5ops.console.cli;

import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.sim.FleetSimulator;
import com.mt5ops.console.sim.SimulatedMarker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `simulate`: writes a realistic fleet and keeps it moving. It refuses a Redis holding instances it did not write
 * (a production one, say) unless given --force.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = {"Write a realistic MT5 fleet and keep it moving (Ctrl+C stops).",
        "Refuses a Redis that holds instances it did not write, unless --force."})
public final class SimulateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    RedisOption redis;

    @Option(names = "--instances", required = true, description = "fleet size")
    int instances;

    @Option(names = "--rate", defaultValue = "100", description = "instance updates per second (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--seconds", description = "how long to keep it moving; 0 seeds and exits (default: until stopped)")
    Long seconds;

    @Option(names = "--force", description = "write even into a Redis that holds instances simulate did not write")
    boolean force;

    @Option(names = "--seed", defaultValue = "42", description = "random seed; the same seed writes the same fleet (default: ${DEFAULT-VALUE})")
    long seed;

    public SimulateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (instances < 0 || rate < 0 || (seconds != null && seconds < 0)) {
            ctx.err().println("error: --instances, --rate and --seconds must not be negative");
            ctx.err().flush();
            return ExitCodes.USAGE;
        }
        try (RedisConnector connector = redis.connector()) {
            Optional<SimulatedMarker.Foreign> foreign = force ? Optional.empty() : SimulatedMarker.foreignInstances(connector);
            if (foreign.isPresent()) {
                ctx.err().printf("error: %s holds %d instance(s) that simulate did not write (e.g. %s); "
                        + "not mixing a simulated fleet into them (--force writes anyway)%n", connector.endpoint().display(),
                        foreign.get().count(), foreign.get().example());
                ctx.err().flush();
                return ExitCodes.USAGE;
            }
            return simulate(connector);
        }
    }

    private int simulate(RedisConnector connector) {
        try (FleetSimulator sim = new FleetSimulator(connector, instances, seed);
             SignalStop signal = new SignalStop("simulate-stop", sim::stop)) {
            sim.seed();
            ctx.out().printf("seeded %d instances on %s%n", instances, connector.endpoint().display());
            ctx.out().flush();
            long updates = seconds != null && seconds == 0 ? 0 : sim.run(rate, seconds == null ? null : Duration.ofSeconds(seconds));
            ctx.out().printf("stopped after %d updates%n", updates);
            ctx.out().flush();
            return signal.finished(ExitCodes.DONE);
        }
    }
}
