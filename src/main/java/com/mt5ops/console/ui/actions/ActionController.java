package com.mt5ops.console.ui.actions;

import com.mt5ops.console.model.ExpectedState;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.TransitionRequest;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.redis.Capabilities;
import com.mt5ops.console.ui.fleet.BrokerNames;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.services.ConsoleServices;
import java.util.ArrayList;
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
import javafx.scene.Node;
import javafx.stage.Window;

/**
 * Issues operator transitions: only those the transition table allows from the state shown (else a note says why,
 * before anything is asked), a confirmation naming each instance and its change, CAS against the state the
 * confirmation showed, a pending state while in flight, and the result shown. A Redis user who may not run
 * transitions (asked at start) makes the console read-only before any click, saying why; Redis denying a write anyway
 * (where it could not be asked) does the same.
 */
public final class ActionController {
    /** The last outcome, as the operator should read it. */
    public record Result(boolean ok, String text) {
    }

    private static final String CHECKING = "Checking what this Redis user may do; nothing was sent.";

    private final ConsoleServices services;
    private final FleetViewModel vm;
    private final Supplier<Window> owner;
    private final Consumer<Runnable> fx;
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final StringProperty readOnlyReason = new SimpleStringProperty("");
    private final BooleanProperty pending = new SimpleBooleanProperty();
    private final ObjectProperty<Result> lastResult = new SimpleObjectProperty<>();
    private final IntegerProperty completed = new SimpleIntegerProperty();
    private Node chip;
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
        BrokerRenames renames = new BrokerRenames(services, vm, owner, fx, this);
        vm.brokerNames().editable().bind(readOnly.not());
        vm.brokerNames().renameWith(renames::ask);
    }

    private void rightsKnown(Capabilities caps) {
        rightsKnown = true;
        pending.set(false);
        if (!caps.mayTransition()) {
            readOnly.set(true);
            readOnlyReason.set("Read-only: " + caps.transitionRefusal() + ". Ask for an operator account.");
        }
    }

    /** The action key for {@code to}: the whole selection. */
    public void requestForSelection(InstanceState to) {
        request(vm.selection().ids(), to);
    }

    /**
     * Moves the given instances to {@code to}, after a confirmation, each compared with the state the confirmation
     * shows. One instance the table does not allow gets a note instead; several get a confirmation listing them all
     * (those not allowed are skipped, never sent).
     */
    public void request(List<String> ids, InstanceState to) {
        if (ids.isEmpty()) {
            return;
        }
        if (!readOnly.get() && !rightsKnown) {
            show(false, CHECKING);
            return;
        }
        if (pending.get()) {
            return;
        }
        if (readOnly.get()) {
            show(false, readOnlyReason.get());
            return;
        }
        if (!vm.connection().current().get()) {
            show(false, vm.connection().reason().get()); // a change the console cannot see happen is not offered
            return;
        }
        if (ids.size() == 1) {
            single(ids.get(0), to);
            return;
        }
        BulkPlan plan = BulkPlan.of(ids, to, vm::get, vm.selection()::seenAtSelection,
                b -> vm.brokerNames().label(b, BrokerNames.SHORT), services.table());
        if (!plan.rows().isEmpty() && plan.sent().isEmpty()) {
            show(false, plan.nothingToSend());
        } else if (!plan.rows().isEmpty()) {
            BulkConfirm.show(owner.get(), plan).ifPresent(r -> send(plan, r));
        }
    }


    private void single(String id, InstanceState to) {
        Instance i = vm.get(id);
        if (i == null) {
            return;
        }
        Optional<String> refused = BulkPlan.refusal(i, to, services.table());
        if (refused.isPresent()) {
            show(false, "Cannot " + ActionLabels.verb(to) + ": " + refused.get() + "." + allowedFrom(i.stateOrNull()));
            return;
        }
        ExpectedState shown = expected(i);
        ConfirmDialogs.single(owner.get(), i.id(), vm.brokerNames().withId(i.rawBrokerId()), shown.describe(), to, services.table().name(i.stateOrNull(), to).orElse(null))
                .ifPresent(r -> send(BulkPlan.sending(Map.of(id, shown), to), r));
    }

    /** " From stopped: Launch (U)." — what the keys can do instead. */
    private String allowedFrom(InstanceState from) {
        List<InstanceState> targets = services.table().targets(from);
        return targets.isEmpty() ? "" : " From " + from.wire() + ": "
                + String.join(", ", targets.stream().map(t -> ActionLabels.button(from, t)).toList()) + ".";
    }

    /** Issues without asking: each id moves only if its state is still the one given (what the operator saw). */
    public void issue(Map<String, ExpectedState> expectedById, InstanceState to, String reason) {
        send(BulkPlan.sending(expectedById, to), reason);
    }

    private void send(BulkPlan plan, String reason) {
        if (readOnly.get() || !rightsKnown) {
            show(false, readOnly.get() ? readOnlyReason.get() : CHECKING);
            return;
        }
        InstanceState to = plan.to();
        pending.set(true);
        show(true, "pending: " + plan.sent().size() + " × → " + to.wire() + " …");
        List<CompletableFuture<TransitionResult>> all = new ArrayList<>();
        plan.expected().forEach((id, expected) -> all.add(services.transitions().apply(new TransitionRequest(id, expected, to,
                to == InstanceState.RESTARTING, services.operator(), services.host(), reason))));
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .whenCompleteAsync((v, e) -> finish(plan, all.stream().map(f -> f.getNow(null)).toList()), fx::accept);
    }

    private void finish(BulkPlan plan, List<TransitionResult> results) {
        pending.set(false);
        completed.set(completed.get() + 1);
        boolean allDone = results.stream().allMatch(r -> r != null && r.outcome() == Outcome.DONE);
        if (plan.rows().size() == 1 && results.size() == 1 && results.get(0) != null) {
            show(allDone, results.get(0).message());
        } else {
            show(allDone, plan.summary(results));
        }
        results.stream().filter(r -> r != null && r.deniedByAcl()).findFirst().ifPresent(r -> deniedWrite(r.message()));
    }

    /** Redis denied a write: the whole console is read-only from now on, and says why. */
    void deniedWrite(String message) {
        readOnly.set(true);
        readOnlyReason.set("Read-only: Redis denied the write (" + message + "). Ask for an operator account.");
    }

    void show(boolean ok, String text) {
        lastResult.set(new Result(ok, text));
    }

    /** The CAS value of a transition: the state field as written, or missing when there is none (never "any"). */
    static ExpectedState expected(Instance i) {
        return ExpectedState.seen(i.rawState());
    }

    /** "3 selected", shown while more than one instance is selected: a node for the window to place. */
    public Node selectionChip() {
        if (chip == null) {
            chip = SelectionChip.of(vm.selection());
        }
        return chip;
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
