package com.mt5ops.console.app;

import com.mt5ops.console.cli.CliContext;
import com.mt5ops.console.cli.Host;
import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.sync.BrokerNameMirror;
import com.mt5ops.console.sync.FleetMirror;
import com.mt5ops.console.sync.MirrorConfig;
import com.mt5ops.console.sync.MirrorRights;
import com.mt5ops.console.ui.profiles.SessionInfo;
import com.mt5ops.console.ui.services.ConsoleServices;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One connection of the window: the endpoint's client, live mirror, write gateway and broker names (and for the demo
 * its private Redis), wired as the services the window talks to. Closing it stops all of them, the demo too.
 */
final class GuiSession implements AutoCloseable {
    /** What `gui` was started with that every session keeps. */
    record Options(boolean readOnly, boolean enableNotifications, int demoInstances) {
    }

    final SessionTarget target;
    final DemoEnvironment demo;
    final RedisEndpoint endpoint;
    final ConsoleServices services;
    /** Done once the window has drawn this session's first picture: the live client waits for it (at most 5 s). */
    final CompletableFuture<Void> pictureShown = new CompletableFuture<>();
    private final RedisConnector connector;
    private final FleetMirror mirror;
    private final WriteGateway gateway;
    private final boolean readOnly;
    private final BrokerNameMirror brokerNames;

    private GuiSession(SessionTarget target, DemoEnvironment demo, Options options, CliContext ctx, FreshnessPolicy freshness, Executor io) {
        this.target = target;
        this.demo = demo;
        this.endpoint = demo != null ? demo.endpoint() : target.endpoint();
        this.connector = new RedisConnector(endpoint);
        this.mirror = new FleetMirror(connector, new InstanceParser(freshness), MirrorConfig.defaults(), ctx.clock(),
                MirrorRights.of(options.readOnly(), options.enableNotifications()));
        this.gateway = new WriteGateway(connector, ctx.table(), io, mirror.access().capabilities());
        this.brokerNames = new BrokerNameMirror(connector, mirror, Duration.ofSeconds(30));
        this.readOnly = options.readOnly();
        // Read-only wires no write path at all: an action cannot reach Redis even if a control slipped through.
        this.services = new ConsoleServices(mirror, readOnly ? WriteGateway::refuseReadOnly : gateway::apply, gateway::audit, ctx.table(),
                freshness, endpoint.display(), demo != null, readOnly, System.getProperty("user.name"), Host.name(), ConsoleServices.ALERT_EVERY,
                brokerNames, readOnly ? WriteGateway::refuseReadOnlyRename : gateway::renameBroker);
    }

    /** Opens (not yet starts) a session to {@code target}; for the demo this starts its Redis, which may fail. */
    static GuiSession open(SessionTarget target, Options options, CliContext ctx, FreshnessPolicy freshness, Executor io) throws IOException {
        DemoEnvironment demo = target.isDemo() ? DemoEnvironment.start(options.demoInstances(), Math.max(20, options.demoInstances() / 4.0)) : null;
        try {
            return new GuiSession(target, demo, options, ctx, freshness, io);
        } catch (RuntimeException e) {
            if (demo != null) {
                demo.close();
            }
            throw e;
        }
    }

    /**
     * Starts reading: the window joins with the whole fleet, then gets changes. The live client connects once the
     * window has drawn that first picture (it would compete with it for the CPU); the broker names follow the fleet's
     * first full sync.
     */
    void start() {
        mirror.start(pictureShown, Duration.ofSeconds(5));
        brokerNames.start();
        if (!readOnly) { // completes transitions cut short on a cluster, once the rights are known and after reconnects
            gateway.recoverNowAndAfterReconnects(mirror);
        }
    }

    SessionInfo info() {
        return target.info(endpoint);
    }

    @Override
    public void close() {
        brokerNames.close();
        gateway.close();
        mirror.close();
        connector.close();
        if (demo != null) {
            demo.close();
        }
    }
}
