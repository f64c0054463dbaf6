package com.mt5ops.console.sync;

import com.mt5ops.console.redis.Fleet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The mirror's start-up, worker-side: the plain read-ahead's picture while the live client waits for the window,
 * and the first full read, which the read-ahead may stand for when its own subscription heard every change since.
 */
final class MirrorStart implements AutoCloseable {
    private static final Duration READ_AHEAD_WAIT = Duration.ofSeconds(10);

    private final PlainReads plain;
    private final MirrorContent content;
    private final Clock clock;
    private ClientGate gate = ClientGate.open();
    private PlainReads.Early readAhead;
    private boolean firstReadDone;

    MirrorStart(PlainReads plain, MirrorContent content, Clock clock) {
        this.plain = plain;
        this.content = content;
        this.clock = clock;
    }

    /** Starts the read-ahead; the live client waits for {@code gate}. */
    void begin(ClientGate clientGate) {
        this.gate = clientGate;
        plain.startReadAhead();
    }

    /** Runs {@code meanwhile} while the client waits its turn: worth it while the read-ahead may still bring a picture to draw. */
    void holdClient(BooleanSupplier running, Runnable meanwhile) {
        gate.await(clock, () -> running.getAsBoolean()
                && (readAhead != null ? !readAhead.fleet().instances().isEmpty() : !plain.readFinished()), meanwhile);
    }

    /** The read-ahead's fleet as changes to the content, once, unless a full read came first (it would be older). */
    Optional<List<Change>> takeReadAhead(boolean noFullReadYet) {
        PlainReads.Early e = plain.takeEarly();
        if (e == null || !noFullReadYet) {
            return Optional.empty();
        }
        readAhead = e;
        return Optional.of(content.replaceAll(e.fleet(), clock.instant()));
    }

    /** What the first full read starts from: the read-ahead's picture (if not shown yet) and whether it stands for the read. */
    record FirstRead(List<Change> early, boolean covered) {
    }

    /**
     * At the first full read: covered when the read-ahead ran under its own subscription, which held until the
     * client's took over, so what changed since is marked dirty and the fleet need not be read twice.
     */
    FirstRead firstRead(boolean noFullReadYet) {
        if (firstReadDone) {
            return new FirstRead(List.of(), false);
        }
        plain.awaitCoveredRead(READ_AHEAD_WAIT);
        List<Change> early = takeReadAhead(noFullReadYet).orElse(List.of());
        boolean heardEverything = plain.handOver();
        firstReadDone = readAhead != null && readAhead.covered() && heardEverything && noFullReadYet;
        return new FirstRead(early, firstReadDone);
    }

    /** When the read-ahead read the fleet (epoch ms). */
    long readAheadAt() {
        return readAhead.readAt().toEpochMilli();
    }

    /** The first full read goes over plain RESP, while the client is still cold; later ones go through the client. */
    Optional<Fleet> firstPlainRead() {
        if (firstReadDone) {
            return Optional.empty();
        }
        firstReadDone = true;
        return plain.read();
    }

    @Override
    public void close() {
        plain.close();
    }
}
