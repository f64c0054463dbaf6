package com.mt5ops.console.sync;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Feeds {@link MirrorMachine} on the mirror's worker: the time, the listener's counts, the inbox's events of the
 * current connection generation, and hands each action to the shell. Between the slices of a blocking wait only the
 * heartbeat runs; an action that would block waits until the wait is over.
 */
final class MachineDriver {
    private final MirrorMachine machine;
    private final MirrorInbox inbox;
    private final Clock clock;
    private final Supplier<MirrorEvent.Tick> counts;
    private final BooleanSupplier commandsDown;
    private final Consumer<MirrorAction> shell;
    private final Deque<MirrorEvent> held = new ArrayDeque<>();
    private final Deque<MirrorAction> deferred = new ArrayDeque<>();
    private volatile long generation;
    private boolean inWait;

    /** {@code commandsDown}: the command connections are not (yet) back, so a subscription must wait to be handled. */
    MachineDriver(MirrorMachine machine, MirrorInbox inbox, Clock clock, Supplier<MirrorEvent.Tick> counts,
                  BooleanSupplier commandsDown, Consumer<MirrorAction> shell) {
        this.machine = machine;
        this.inbox = inbox;
        this.clock = clock;
        this.counts = counts;
        this.commandsDown = commandsDown;
        this.shell = shell;
    }

    /** One round: a tick, the inbox, then whatever waited for a blocking call to end. */
    void step() {
        handle(counts.get());
        takeInbox();
        while (!deferred.isEmpty()) {
            shell.accept(deferred.poll());
        }
    }

    /** Between the slices of a blocking wait: the heartbeat goes on; anything that would block waits its turn. */
    void whileWaiting() {
        boolean was = inWait;
        inWait = true;
        try {
            handle(counts.get());
            takeInbox();
        } finally {
            inWait = was;
        }
    }

    void handle(MirrorEvent event) {
        for (MirrorAction action : machine.on(event, clock.millis())) {
            if (inWait && action == MirrorAction.CONNECT) {
                // the master moved: leave the old one now, so a read still waiting on it (a frozen one) fails at once
                shell.accept(MirrorAction.DISCONNECT);
                deferred.add(action);
            } else if (inWait && action != MirrorAction.PING && action != MirrorAction.PUBLISH) {
                deferred.add(action);
            } else {
                shell.accept(action);
            }
        }
    }

    /** A subscription waits (with everything after it, in order) until the command connections are up. */
    private void takeInbox() {
        held.addAll(inbox.take(generation));
        while (!held.isEmpty()) {
            if (held.peek() instanceof MirrorEvent.Subscribed && commandsDown.getAsBoolean()) {
                return;
            }
            handle(held.poll());
        }
    }

    /** After a failure: nothing half-done carries over. */
    void reset() {
        held.clear();
        deferred.clear();
        inWait = false;
    }

    /** True when nothing is waiting to be handed to the machine or the shell. */
    boolean idle() {
        return inbox.isEmpty() && deferred.isEmpty();
    }

    /** The current connection generation (any thread): events posted under an older one are dropped. */
    long generation() {
        return generation;
    }

    /** Worker: a new generation begins (connections are being replaced); what the old one's held back is dropped. */
    long nextGeneration() {
        held.clear();
        return ++generation;
    }
}
