package com.mt5ops.console.cli;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.redis.BrokerNameReader;
import com.mt5ops.console.redis.Fleet;
import com.mt5ops.console.redis.FleetLoader;
import com.mt5ops.console.export.SnapshotJson;
import com.mt5ops.console.export.SnapshotText;
import com.mt5ops.console.redis.OneShotFleetReader;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `snapshot`: reads the whole fleet once and prints it. */
@Command(name = "snapshot", mixinStandardHelpOptions = true, description = "Read the whole fleet once and print it.")
public final class SnapshotCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SnapshotCommand.class);
    enum Format { json, csv, table }

    private final CliContext ctx;

    @Mixin
    RedisOption redis;

    @Option(names = "--format", defaultValue = "json", description = "json, csv or table (default: ${DEFAULT-VALUE})")
    Format format;

    public SnapshotCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        RedisEndpoint endpoint = redis.endpoint();
        long t0 = System.nanoTime();
        // One read, then exit: a plain RESP connection starts in milliseconds, Lettuce in about 1.5 s.
        Fleet fleet = OneShotFleetReader.read(endpoint).orElseGet(() -> {
            try (RedisConnector connector = new RedisConnector(endpoint); FleetLoader loader = new FleetLoader(connector)) {
                return loader.loadAll();
            }
        });
        long t1 = System.nanoTime();
        Instant now = ctx.clock().instant();
        InstanceParser parser = ctx.parser();
        List<Instance> instances = parser.parseAll(new ArrayList<>(fleet.instances().values()), now);
        LOG.debug("snapshot: parse {} ms", (System.nanoTime() - t1) / 1_000_000);
        switch (format) {
            case json -> new SnapshotJson(ctx.freshness(), BrokerNameReader.readOnce(endpoint))
                    .write(ctx.out(), endpoint.display(), now, instances, SnapshotJson.stats(null));
            case csv -> new SnapshotText(ctx.freshness(), BrokerNameReader.readOnce(endpoint)).csv(ctx.out(), instances, now);
            case table -> new SnapshotText(ctx.freshness()).table(ctx.out(), instances, now);
        }
        ctx.out().flush();
        LOG.debug("snapshot: load {} ms, parse and print {} ms", (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        return ExitCodes.DONE;
    }
}
