package com.mt5ops.console.ui.actions;

import com.mt5ops.console.model.ExpectedState;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.redis.Capabilities;
import com.mt5ops.console.ui.services.ConsoleServices;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.Window;

/**
 * Issues operator transitions: confirmation naming the instance and the change, CAS against the state the
 * operator saw, a pending state while in flight, and the result shown. A Redis user who may not run transitions
 * (asked at start) makes the console read-only before any click, saying why; Redis denying a write anyway (where it
 * could not be asked) does the same.
 */
public final class ActionController {
    private static final String CHECKING = "Checking what this Redis user may do; nothing was sent.";

    /** The last outcome, as the operator should read it. */
    public record Result(boolean ok, String text) {
    }

    private final ConsoleServices services;
    private final FleetViewModel vm;
    private final Supplier<Window> owner;
    private final Consumer<Runnable> fx;
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final StringProperty readOnlyReason = new SimpleStringProperty("");
    private final BooleanProperty pending = new SimpleBooleanProperty();
    private final ObjectProperty<Result> lastResult = new SimpleObjectProperty<>();
    private final IntegerProperty completed = new SimpleIntegerProperty();
    private boolean rightsKnown;

    public ActionController(ConsoleServices services, FleetViewModel vm, Supplier<Window> owner, Consumer<Runnable> fx) {
        this.services = services;
        this.vm = vm;
        this.owner = owner;
        this.fx = fx;
        if (services.readOnly()) {
            readOnly.set(true);
            readOnlyReason.set("Started with --read-only: actions are off.");
        } else {
            // Until the Redis user's rights are known nothing is sent; a viewer's console turns read-only before any click.
            pending.set(true);
            services.feed().access().capabilities().thenAcceptAsync(this::rightsKnown, fx::accept);
        }
    }

    private void rightsKnown(Capabilities caps) {
        rightsKnown = true;
        pending.set(false);
        if (!caps.mayTransition()) {
            readOnly.set(true);
            readOnlyReason.set("Read-only: " + caps.transitionRefusal() + ". Ask for an operator account.");
        }
    }

    /** Asks for confirmation, then moves the given instances to {@code to}, CAS on the states shown at the click. */
    public void request(List<String> ids, InstanceState to) {
        if (ids.isEmpty()) {
            return;
        }
        if (!readOnly.get() && !rightsKnown) {
            lastResult.set(new Result(false, CHECKING));
            return;
        }
        if (pending.get()) {
            return;
        }
        if (readOnly.get()) {
            lastResult.set(new Result(false, readOnlyReason.get()));
            return;
        }
        Map<String, ExpectedState> seen = new LinkedHashMap<>();
        ids.forEach(id -> {
            Instance i = vm.get(id);
            if (i != null) {
                seen.put(id, expected(i));
            }
        });
        if (seen.isEmpty()) {
            return;
        }
        Optional<String> reason;
        if (seen.size() == 1) {
            Instance i = vm.get(seen.keySet().iterator().next());
            InstanceState from = i.stateOrNull();
            reason = ConfirmDialogs.single(owner.get(), i.id(), i.rawBrokerId(),
                    seen.get(i.id()).describe(), to, from == null ? null : services.table().name(from, to).orElse(null));
        } else {
            reason = ConfirmDialogs.bulk(owner.get(), seen.size(), to);
        }
        reason.ifPresent(r -> issue(seen, to, r));
    }

    /** Issues without asking: each id moves only if its state is still the one given (what the operator saw). */
    public void issue(Map<String, ExpectedState> expectedById, InstanceState to, String reason) {
        if (readOnly.get() || !rightsKnown) {
            lastResult.set(new Result(false, readOnly.get() ? readOnlyReason.get() : CHECKING));
            return;
        }
        pending.set(true);
        lastResult.set(new Result(true, "pending: " + expectedById.size() + " × → " + to.wire() + " …"));
        List<CompletableFuture<TransitionResult>> all = new ArrayList<>();
        expectedById.forEach((id, expected) -> all.add(services.transitions().apply(new TransitionRequest(id, expected, to,
                to == InstanceState.RESTARTING, services.operator(), services.host(), reason))));
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .whenCompleteAsync((v, e) -> finish(all.stream().map(f -> f.getNow(null)).toList()), fx::accept);
    }

    private void finish(List<TransitionResult> results) {
        pending.set(false);
        completed.set(completed.get() + 1);
        if (results.size() == 1 && results.get(0) != null) {
            TransitionResult r = results.get(0);
            lastResult.set(new Result(r.outcome() == Outcome.DONE, r.message()));
        } else {
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            results.forEach(r -> counts.merge(r == null ? Outcome.UNAVAILABLE : r.outcome(), 1, Integer::sum));
            lastResult.set(new Result(counts.getOrDefault(Outcome.DONE, 0) == results.size(), "bulk: " + counts));
        }
        results.stream().filter(r -> r != null && r.deniedByAcl()).findFirst().ifPresent(r -> {
            readOnly.set(true);
            readOnlyReason.set("Read-only: Redis denied the write (" + r.message() + "). Ask for an operator account.");
        });
    }

    /** The CAS value of a transition: the state field as written, or missing when there is none (never "any"). */
    static ExpectedState expected(Instance i) {
        return ExpectedState.seen(i.rawState());
    }

    public BooleanProperty readOnly() {
        return readOnly;
    }

    public StringProperty readOnlyReason() {
        return readOnlyReason;
    }

    public BooleanProperty pending() {
        return pending;
    }

    public ObjectProperty<Result> lastResult() {
        return lastResult;
    }

    /** Increments after every finished action (the detail pane reloads the audit trail then). */
    public IntegerProperty completed() {
        return completed;
    }
}
