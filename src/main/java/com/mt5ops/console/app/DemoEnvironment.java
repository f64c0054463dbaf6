package com.mt5ops.console.app;

import com.mt5ops.console.model.KeySchema;
import com.mt5ops.console.redis.LocalRedisServer;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.sim.FleetSimulator;
import com.mt5ops.console.sim.SimulatedMarker;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo: a private Redis on a free loopback port (with a random password, checked to be the process it
 * started) with keyspace notifications on, a seeded fleet, and the simulator playing both the instances and their
 * manager. It touches no other Redis, and stops its server on close, Ctrl+C or SIGTERM.
 */
public final class DemoEnvironment implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoEnvironment.class);

    private final LocalRedisServer server;
    private final Thread shutdownHook;
    private final RedisConnector connector;
    private final FleetSimulator simulator;
    private final Thread simulatorThread;
    private final List<Consumer<String>> troubleListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closing;

    private DemoEnvironment(LocalRedisServer server, int instances, double rate) {
        this.server = server;
        this.shutdownHook = new Thread(server::close, "demo-redis-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        this.connector = new RedisConnector(server.endpoint());
        SimulatedMarker.foreignInstances(connector).ifPresent(f -> {
            throw new IllegalStateException("the demo's new Redis already holds " + f.count() + " instance(s)");
        });
        this.simulator = new FleetSimulator(connector, instances, 42);
        simulator.seed();
        nameBrokers(connector, simulator.brokers());
        simulator.onNews(news -> tell("The demo's simulator " + (news.startsWith("cannot") ? "" : "is ") + news + "."));
        this.simulatorThread = new Thread(() -> supervise(rate), "demo-simulator");
        simulatorThread.setDaemon(true);
        simulatorThread.start();
    }

    /**
     * Keeps the simulator moving: when it fails (its Redis froze past the command timeout, refused writes …) it says
     * so and starts again after 1, 2, 4 … 10 s; when the demo's Redis itself died, it says that and stops.
     */
    private void supervise(double rate) {
        long backoffMs = 1_000;
        while (!closing) {
            try {
                simulator.run(rate, null);
                return;
            } catch (RuntimeException e) {
                if (closing) {
                    return;
                }
                if (!server.isAlive()) {
                    tell("The demo's Redis has died (" + server.exitStatus() + "): the simulated fleet stops moving.");
                    return;
                }
                LOG.warn("demo simulator stopped; restarting it", e);
                tell("The demo's simulator stopped (" + firstLine(e) + "); restarting it in " + backoffMs / 1000 + " s.");
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoffMs));
                backoffMs = Math.min(10_000, backoffMs * 2);
            }
        }
    }

    /** Shared names for all brokers but the last, which shows how an unnamed one looks (its id). */
    private static void nameBrokers(RedisConnector connector, List<String> brokers) {
        String[] names = {"Northwind Markets live", "Aurora FX demo", "Kestrel Prime", "Harbor Capital", "Juniper Trading"};
        try (var c = connector.connect()) {
            for (int k = 0; k < brokers.size() - 1; k++) {
                c.sync().hset(KeySchema.BROKER_NAMES, brokers.get(k), names[k % names.length] + (k < names.length ? "" : " " + (k / names.length + 1)));
            }
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e.getCause() != null ? e.getCause() : e;
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private void tell(String text) {
        LOG.warn("{}", text);
        troubleListeners.forEach(l -> l.accept(text));
    }

    /** {@code listener} hears (on the simulator's thread) when the demo's simulator or its Redis died. */
    public void onTrouble(Consumer<String> listener) {
        troubleListeners.add(listener);
    }

    /** Starts the demo Redis and fleet; the message of the exception says what to do when no Redis can run. */
    public static DemoEnvironment start(int instances, double rate) throws IOException {
        LocalRedisServer server = LocalRedisServer.start(List.of("--notify-keyspace-events", "Kghsx"));
        try {
            return new DemoEnvironment(server, instances, rate);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** What the window watches: its display form carries no password. */
    public RedisEndpoint endpoint() {
        return server.endpoint();
    }

    /** The URI with the password, for tests' own clients only; never shown, logged or stored. */
    public String uri() {
        return server.uri();
    }

    public LocalRedisServer server() {
        return server;
    }

    @Override
    public void close() {
        closing = true;
        simulator.stop();
        try {
            simulatorThread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        simulator.close();
        connector.close();
        server.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and stops the server itself
        }
    }
}
