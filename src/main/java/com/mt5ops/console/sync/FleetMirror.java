package com.mt5ops.console.sync;

import com.mt5ops.console.model.HashPart;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.redis.Fleet;
import com.mt5ops.console.redis.Patience;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.sync.MirrorEvent.ConnectFailed;
import com.mt5ops.console.sync.MirrorEvent.Connected;
import com.mt5ops.console.sync.MirrorEvent.Failed;
import com.mt5ops.console.sync.MirrorEvent.ReadDone;
import com.mt5ops.console.sync.MirrorEvent.ReadFailed;
import com.mt5ops.console.sync.MirrorEvent.Start;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live mirror of the Instance State Layer: the I/O shell around {@link MirrorMachine}. Keyspace events mark ids
 * dirty; one worker thread feeds the machine its events and the time, carries out its actions (connect, check
 * notifications, probe, read everything, PING), fetches dirty ids in pipelined batches and publishes immutable
 * batches to its listeners. While a read waits on Redis the worker keeps the heartbeat, so a frozen server shows.
 */
public final class FleetMirror implements FleetFeed, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetMirror.class);
    private static final long SLICE_MS = 100;

    private final RedisConnector connector;
    private final MirrorAccess access;
    private final MirrorConfig config;
    private final Clock clock;
    private final DirtyQueue dirty = new DirtyQueue();
    private final MirrorInbox inbox = new MirrorInbox(dirty::wake);
    private final KeyspaceListener keyspace;
    private final MetricHistory history;
    private final MirrorContent content;
    private final MirrorMachine machine;
    private final MirrorPublisher out;
    private final MirrorStart startup;
    private final Thread worker;
    private final HistorySampler sampler;
    private final MachineDriver driver;
    private final Patience patience;
    private volatile boolean running = true;

    // Owned by the worker thread.
    private MirrorLink connection;
    private long nextSetRefresh;

    public FleetMirror(RedisConnector connector, InstanceParser parser, MirrorConfig config, Clock clock) {
        this(connector, parser, config, clock, MirrorRights.NO_CONSENT);
    }

    /** A mirror that changes on the server only what {@code rights} allow, and only what its Redis user may do. */
    public FleetMirror(RedisConnector connector, InstanceParser parser, MirrorConfig config, Clock clock, MirrorRights rights) {
        this.connector = connector;
        this.access = new MirrorAccess(rights, connector, this::requestResync);
        this.config = config;
        this.clock = clock;
        this.keyspace = new KeyspaceListener(connector.endpoint().database(), dirty);
        this.history = new MetricHistory(config.historySeconds());
        this.content = new MirrorContent(parser, history);
        this.machine = new MirrorMachine(config, rights.mayWrite(), clock.millis());
        this.out = new MirrorPublisher(machine::status, () -> connection, content, clock);
        this.driver = new MachineDriver(machine, inbox, clock, () -> new MirrorEvent.Tick(keyspace.events(), keyspace.heard()),
                () -> connection != null && !connection.commandsUp(), this::execute);
        this.patience = new Patience(SLICE_MS, driver::whileWaiting);
        this.startup = new MirrorStart(new PlainReads(connector.endpoint(), keyspace, clock, dirty::wake, access), content, clock);
        this.worker = new Thread(this::run, "mirror-worker");
        this.worker.setDaemon(true);
        this.sampler = new HistorySampler(history, content, clock);
        this.dirty.bindWorker(worker);
    }

    /** Adds a listener; its first batch (from the worker, in order with all later ones) is the whole current fleet. */
    public void addListener(MirrorListener listener) {
        out.join(listener);
        dirty.wake();
    }

    public void start() {
        start(CompletableFuture.completedFuture(null), Duration.ZERO);
    }

    /**
     * Starts, but connects the client only once {@code clientWhen} is done (the window has drawn the first picture) or
     * {@code atMost} has passed: Lettuce takes about a second of CPU to start cold, which the first picture would
     * otherwise wait for on a small machine. Meanwhile the plain read-ahead and its subscription carry the fleet (the
     * state stays CONNECTING); without a read-ahead to show, the client connects at once.
     */
    public void start(Future<?> clientWhen, Duration atMost) {
        startup.begin(new ClientGate(clientWhen, atMost));
        worker.start();
        sampler.start();
    }

    public MirrorStats stats() {
        return out.stats();
    }

    /** The mirror's current content, sorted by id. */
    public SortedMap<String, Instance> instances() {
        return content.sorted();
    }

    /** One instance as the mirror has it now, or null. */
    public Instance get(String id) {
        return content.get(id);
    }

    public HistorySeries history(String id) {
        return history.series(id);
    }

    public MetricHistory metricHistory() {
        return history;
    }

    @Override
    public MirrorAccess access() {
        return access;
    }

    /** Asks for a full resync (e.g. the operator pressed refresh); while polling, it checks the notifications again. */
    public void requestResync() {
        inbox.post(driver.generation(), new MirrorEvent.ResyncRequested());
    }

    private void run() {
        boolean started = false;
        while (running) {
            try {
                if (!started) {
                    started = true; // a failure from here on shows as FAILED, and the machine connects after its backoff
                    startup.holdClient(() -> running, this::greetAndShowReadAhead);
                    driver.handle(new Start());
                }
                step();
            } catch (Throwable t) { // NOPMD: nothing may end the worker silently, Errors included
                if (running) {
                    fail(t);
                }
            }
        }
    }

    /** Shows the failure (FAILED, with the reason) and lets the machine restart the connections after its backoff. */
    private void fail(Throwable t) {
        LOG.error("the mirror failed; it restarts itself", t);
        driver.reset();
        try {
            driver.handle(new Failed(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
        } catch (Throwable again) { // NOPMD: even reporting failed; the next step tries again
            LOG.error("the mirror could not report its failure", again);
        }
        dirty.park(TimeUnit.MILLISECONDS.toNanos(200)); // a failure that repeats at once must not spin
    }

    private void step() {
        greetAndShowReadAhead();
        driver.step();
        if (machine.mayRead() && connection != null) {
            fetchMarked();
        }
        if (driver.idle() && (!dirty.hasIds() || !machine.mayRead())) {
            long until = Math.min(machine.nextDeadline(), dirty.hasSets() ? nextSetRefresh : MirrorMachine.NEVER);
            long waitMs = Math.max(1, Math.min(until - clock.millis(), 1_000));
            dirty.park(TimeUnit.MILLISECONDS.toNanos(waitMs));
        }
    }

    /** Greets new listeners; until the first subscription, publishes the read-ahead's picture when it comes. */
    private void greetAndShowReadAhead() {
        out.greet();
        if (!machine.subscribedOnce()) {
            startup.takeReadAhead(machine.status().lastFullSync() == null).ifPresent(changes -> publish(changes, false));
        }
    }

    private void execute(MirrorAction action) {
        if (connection == null && action != MirrorAction.CONNECT && action != MirrorAction.PUBLISH) {
            return; // asked for before the connection broke; the machine asks again once it is back
        }
        switch (action) {
            case CONNECT -> connect();
            case DISCONNECT -> disconnect();
            case CHECK_NOTIFICATIONS -> driver.handle(connection.checkNotifications());
            case SEND_PROBE -> connection.sendProbe();
            case READ_ALL -> readAll();
            case PING -> connection.ping(inbox, driver.generation());
            case PUBLISH -> publish(List.of(), false);
        }
    }

    private void connect() {
        disconnect();
        try {
            connection = MirrorLink.open(connector, keyspace, inbox, driver.generation(), patience, access, config, clock);
            LOG.info("mirror connected to {}", connector.endpoint().display());
            driver.handle(new Connected());
        } catch (RuntimeException e) {
            driver.handle(new ConnectFailed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** Closes the connections; whatever they still post belongs to an old generation and is dropped. */
    private void disconnect() {
        driver.nextGeneration();
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private void readAll() {
        long at = clock.millis();
        MirrorStart.FirstRead first = startup.firstRead(machine.status().lastFullSync() == null);
        if (!first.early().isEmpty()) {
            publish(first.early(), false);
        }
        if (first.covered()) {
            driver.handle(new ReadDone(startup.readAheadAt(), 0));
            publish(List.of(), true);
            return;
        }
        // the first one over plain RESP while the client is still cold; later ones through the warm client
        Fleet fleet = read("full read", () -> startup.firstPlainRead().orElseGet(() -> connection.loader().loadAll()));
        if (fleet != null) {
            List<Change> changes = content.replaceAll(fleet, clock.instant());
            int unannounced = (int) changes.stream().filter(c -> !dirty.isMarked(c.instanceId())).count();
            driver.handle(new ReadDone(at, unannounced));
            publish(changes, true);
        }
    }

    /** Reads what events marked: changed state sets (at most every 50 ms), then dirty ids in a batch. */
    private void fetchMarked() {
        long now = clock.millis();
        if (dirty.hasSets() && now >= nextSetRefresh) {
            nextSetRefresh = now + config.setRefreshInterval().toMillis();
            List<String> names = connection.readable(dirty.drainSets()); // on a cluster, not those on a master that is down
            Map<String, Set<String>> sets = read("reading state sets", () -> connection.loader().loadSets(names));
            if (sets == null) {
                return;
            }
            content.updateSets(names, sets).forEach(id -> dirty.markId(id, null));
        }
        if (dirty.hasIds()) {
            Map<String, Set<HashPart>> ids = connection.fetchable(dirty.drainIds(config.maxBatch()));
            Fleet fleet = ids.isEmpty() ? null : read("fetching changed instances", () -> connection.loader().loadParts(ids, content.stateSets(), content::raw));
            if (fleet != null) {
                publish(content.merge(fleet, clock.instant()), false);
            }
        }
    }

    /**
     * One read from Redis; a failure is logged and told to the machine, which reads everything again soon (null then).
     * Only the read is guarded: what a caller does with its result (parse, publish) failing is a bug, shown as FAILED.
     */
    private <T> T read(String what, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            LOG.warn("{} from {} failed: {}", what, connector.endpoint().display(), e.getMessage());
            driver.handle(new ReadFailed(String.valueOf(e.getMessage())));
            return null;
        }
    }

    private void publish(List<Change> changes, boolean fullSync) {
        out.send(changes, fullSync);
    }

    @Override
    public void close() {
        running = false;
        dirty.wake();
        sampler.stop();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        startup.close();
        MirrorLink c = connection;
        if (c != null) {
            c.close();
        }
    }
}
