package com.mt5ops.console.sync;

import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceParser;
import com.mt5ops.console.redis.Fleet;
import com.mt5ops.console.redis.NotificationConfig;
import com.mt5ops.console.redis.RedisConnector;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live mirror of the Instance State Layer. Keyspace events mark ids dirty; one worker thread fetches dirty
 * ids in pipelined batches (at once when idle, larger batches under load), resyncs fully after every
 * (re)subscription, reconciles periodically, polls when notifications cannot be had, and publishes immutable
 * batches to its listeners.
 */
public final class FleetMirror implements FleetFeed, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetMirror.class);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long RECHECK_NOTIFICATIONS = TimeUnit.SECONDS.toNanos(10);
    private static final java.time.Duration READ_AHEAD_WAIT = java.time.Duration.ofSeconds(10);

    private final RedisConnector connector;
    private final InstanceParser parser;
    private final MirrorConfig config;
    private final Clock clock;
    private final DirtyQueue dirty = new DirtyQueue();
    private final KeyspaceListener keyspace;
    private final MetricHistory history;
    private final MirrorContent content;
    private final MirrorListeners listeners = new MirrorListeners();
    private final Thread worker;
    private final HistorySampler sampler;
    private final PlainReads plain;
    private volatile boolean running = true;
    private ClientGate clientGate = ClientGate.open(); // set before the worker starts
    private volatile MirrorStats stats;

    // Owned by the worker thread.
    private MirrorConnection connection;
    private ConnectionState state = ConnectionState.CONNECTING;
    private String reason = "connecting";
    private Instant lastFullSync;
    private PlainReads.Early readAhead;
    private Instant disconnectedSince;
    private long resyncs;
    private long reconnects;
    private long version;
    private volatile boolean resyncNeeded;
    private boolean everSubscribed;
    private boolean subscribePending;
    private boolean probing;
    private long probeDeadline;
    private long probeEvents;
    private long probeSeen;
    private long nextPoll;
    private long nextReconcile;
    private long nextSecond;
    private long nextSetRefresh;
    private long nextNotificationCheck;
    private long eventsAtLastSecond;
    private double eventsPerSecond;

    public FleetMirror(RedisConnector connector, InstanceParser parser, MirrorConfig config, Clock clock) {
        this.connector = connector;
        this.parser = parser;
        this.config = config;
        this.clock = clock;
        this.keyspace = new KeyspaceListener(connector.endpoint().database(), dirty);
        this.history = new MetricHistory(config.historySeconds());
        this.content = new MirrorContent(parser, history);
        this.worker = new Thread(this::run, "mirror-worker");
        this.worker.setDaemon(true);
        this.sampler = new HistorySampler(history, content, clock);
        this.plain = new PlainReads(connector.endpoint(), keyspace, clock, dirty::wake);
        this.dirty.bindWorker(worker);
        this.stats = currentStats();
    }

    /** Adds a listener; its first batch (from the worker, in order with all later ones) is the whole current fleet. */
    public void addListener(MirrorListener listener) {
        listeners.join(listener);
        dirty.wake();
    }

    private void greetJoining() {
        listeners.greet(() -> new MirrorBatch(++version, content.all().stream().map(Change::upsert).toList(), currentStats(),
                lastFullSync != null, System.currentTimeMillis()));
    }

    public void start() {
        start(java.util.concurrent.CompletableFuture.completedFuture(null), java.time.Duration.ZERO);
    }

    /**
     * Starts, but connects the client only once {@code clientWhen} is done (the window has drawn the first picture) or
     * {@code atMost} has passed: Lettuce takes about a second of CPU to start cold, which the first picture would
     * otherwise wait for on a small machine. Meanwhile the plain read-ahead and its subscription carry the fleet (the
     * state stays CONNECTING); without a read-ahead to show, the client connects at once.
     */
    public void start(java.util.concurrent.Future<?> clientWhen, java.time.Duration atMost) {
        this.clientGate = new ClientGate(clientWhen, atMost);
        plain.startReadAhead();
        worker.start();
        sampler.start();
    }

    /** The read-ahead's fleet, unless a full sync came first (then it is older than what the mirror has). */
    private void takeReadAhead() {
        PlainReads.Early e = plain.takeEarly();
        if (e != null && lastFullSync == null && !everSubscribed) {
            publish(content.replaceAll(e.fleet(), clock.instant()), false);
            readAhead = e;
        }
    }

    public MirrorStats stats() {
        return stats;
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

    private void run() {
        holdClient();
        while (running) {
            try {
                greetJoining();
                takeReadAhead();
                if (connection == null) {
                    connect();
                    continue;
                }
                step();
            } catch (RuntimeException e) {
                LOG.debug("mirror step failed; will resync", e);
                resyncNeeded = true;
                dirty.await(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    /** Publishes the read-ahead (and greets the window) while the client waits for its turn; see {@link #start(java.util.concurrent.Future, java.time.Duration)}. */
    private void holdClient() {
        // worth it while the read-ahead may still bring a picture, or has brought one to draw (else: connect now)
        clientGate.await(() -> running && (readAhead != null ? !readAhead.fleet().instances().isEmpty() : !plain.readFinished()), () -> {
            greetJoining();
            takeReadAhead();
        });
    }

    private void connect() {
        try {
            connection = new MirrorConnection(connector, keyspace, dirty);
            LOG.info("mirror connected to {}", connector.endpoint().display());
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (state != ConnectionState.DISCONNECTED || !why.equals(reason)) {
                disconnectedSince = disconnectedSince == null ? clock.instant() : disconnectedSince;
                setState(ConnectionState.DISCONNECTED, "cannot reach Redis: " + why);
            }
            dirty.await(config.retryInterval().toNanos());
        }
    }

    private void step() {
        long now = System.nanoTime();
        if (!connection.pubsubUp()) {
            if (state != ConnectionState.RECONNECTING) {
                disconnectedSince = clock.instant();
                setState(ConnectionState.RECONNECTING, "lost the connection to Redis; reconnecting");
            }
            dirty.await(TimeUnit.MILLISECONDS.toNanos(200));
            return;
        }
        subscribePending |= keyspace.takeSubscribed();
        if (!connection.commandsUp()) {
            dirty.await(TimeUnit.MILLISECONDS.toNanos(50));
            return;
        }
        if (subscribePending) {
            subscribePending = false;
            onSubscribed(now);
        }
        if (!everSubscribed) {
            // Nothing is fetched before the first subscription is handled: the read-ahead may still replace the
            // content then, and it must not overwrite a newer value fetched meanwhile.
            dirty.await(TimeUnit.MILLISECONDS.toNanos(20));
            return;
        }
        if (resyncNeeded) {
            fullSync();
        }
        if (dirty.hasSets() && now >= nextSetRefresh) {
            refreshSets();
            nextSetRefresh = now + config.setRefreshInterval().toNanos();
        }
        if (dirty.hasIds()) {
            fetchDirty();
        }
        if (probing) {
            checkProbe(now);
        }
        if (state == ConnectionState.POLLING && now >= nextPoll) {
            fullSync();
            nextPoll = now + config.pollInterval().toNanos();
            if (now >= nextNotificationCheck) {
                nextNotificationCheck = now + RECHECK_NOTIFICATIONS;
                startProbe(now, connection.ensureNotifications());
            }
        } else if (state == ConnectionState.LIVE && now >= nextReconcile) {
            fullSync();
        }
        if (now >= nextSecond) {
            tick(now);
        }
        if (!dirty.hasIds()) {
            long wait = Math.min(nextSecond, state == ConnectionState.POLLING ? nextPoll : nextReconcile) - System.nanoTime();
            if (dirty.hasSets()) {
                wait = Math.min(wait, nextSetRefresh - System.nanoTime());
            }
            dirty.await(Math.max(0, Math.min(wait, SECOND)));
        }
    }

    private void onSubscribed(long now) {
        boolean first = !everSubscribed;
        if (first && lastFullSync == null) {
            plain.awaitCoveredRead(READ_AHEAD_WAIT);
            takeReadAhead();
        } else {
            reconnects++;
        }
        everSubscribed = true;
        NotificationConfig.Status status = connection.ensureNotifications();
        if (status.changed()) {
            LOG.warn("{}", status.message());
        }
        boolean heardEverything = plain.handOver();
        if (first && readAhead != null && readAhead.covered() && heardEverything && lastFullSync == null) {
            // The read-ahead ran under its own subscription, which held until this one took over: what changed
            // since is marked dirty, so the read is a full sync and the fleet need not be read twice.
            lastFullSync = readAhead.readAt();
            resyncs++;
            nextReconcile = System.nanoTime() + config.reconcileInterval().toNanos();
            publish(List.of(), true);
        } else {
            resyncNeeded = true;
        }
        startProbe(now, status);
    }

    private void startProbe(long now, NotificationConfig.Status status) {
        probeEvents = keyspace.events();
        probeSeen = keyspace.probesSeen();
        if (connection.sendProbe()) {
            probing = true;
            probeDeadline = now + config.probeTimeout().toNanos();
            if (state != ConnectionState.LIVE && state != ConnectionState.POLLING) {
                setState(everSubscribed && reconnects > 0 ? ConnectionState.RECONNECTING : ConnectionState.CONNECTING,
                        "waiting for keyspace events");
            }
        } else if (status.enabled()) {
            probing = true;
            probeDeadline = now + config.probeTimeout().toNanos();
        } else {
            probing = false;
            startPolling(now, status.message());
        }
    }

    private void checkProbe(long now) {
        if (keyspace.probesSeen() > probeSeen || keyspace.events() > probeEvents) {
            probing = false;
            disconnectedSince = null;
            nextReconcile = now + config.reconcileInterval().toNanos();
            setState(ConnectionState.LIVE, "");
        } else if (now >= probeDeadline) {
            probing = false;
            NotificationConfig.Status status = connection.ensureNotifications();
            startPolling(now, status.enabled() ? "no keyspace events arrived within " + config.probeTimeout().toSeconds() + " s"
                    : status.message());
        }
    }

    private void startPolling(long now, String why) {
        if (state != ConnectionState.POLLING) {
            LOG.warn("live updates unavailable ({}); polling every {} s", why, config.pollInterval().toSeconds());
        }
        disconnectedSince = null;
        nextPoll = now;
        nextNotificationCheck = now + RECHECK_NOTIFICATIONS;
        setState(ConnectionState.POLLING, why);
    }

    private void fullSync() {
        // the first one over plain RESP while the client is still cold; later ones through the warm client
        Fleet fleet = (lastFullSync == null ? plain.read() : java.util.Optional.<Fleet>empty())
                .orElseGet(() -> connection.loader().loadAll());
        Instant now = clock.instant();
        List<Change> changes = content.replaceAll(fleet, now);
        resyncNeeded = false;
        resyncs++;
        lastFullSync = now;
        nextReconcile = System.nanoTime() + config.reconcileInterval().toNanos();
        publish(changes, true);
    }

    private void refreshSets() {
        List<String> names = dirty.drainSets();
        content.updateSets(names, connection.loader().loadSets(names)).forEach(id -> dirty.markId(id, Parts.NONE));
    }

    private void fetchDirty() {
        Map<String, Integer> ids = dirty.drainIds(config.maxBatch());
        Fleet fleet = connection.loader().loadParts(ids, content.stateSets(), content::raw);
        publish(content.merge(fleet, clock.instant()), false);
    }

    private void tick(long now) {
        long events = keyspace.events();
        eventsPerSecond = (events - eventsAtLastSecond) * (double) SECOND / Math.max(1, now - (nextSecond - SECOND));
        eventsAtLastSecond = events;
        nextSecond = now + SECOND;
        publish(List.of(), false);
    }

    private void setState(ConnectionState next, String why) {
        if (next != state || !why.equals(reason)) {
            state = next;
            reason = why;
            publish(List.of(), false);
        }
    }

    private MirrorStats currentStats() {
        return new MirrorStats(state, lastFullSync, eventsPerSecond, keyspace.events(), resyncs, reconnects, version,
                content.size(), reason, disconnectedSince);
    }

    private void publish(List<Change> changes, boolean fullSyncBatch) {
        version++;
        MirrorStats now = currentStats();
        stats = now;
        listeners.send(new MirrorBatch(version, changes, now, fullSyncBatch, System.currentTimeMillis()));
    }

    /** Asks for a full resync at the next step (e.g. the operator pressed refresh). */
    public void requestResync() {
        resyncNeeded = true;
        dirty.wake();
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
        plain.close();
        if (connection != null) {
            connection.close();
        }
    }
}
