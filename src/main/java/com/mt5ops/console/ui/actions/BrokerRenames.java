package com.mt5ops.console.ui.actions;

import com.mt5ops.console.model.BrokerNameRules;
import com.mt5ops.console.model.BrokerRename;
import com.mt5ops.console.model.BrokerRenameResult;
import com.mt5ops.console.model.ExpectedState;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.ui.fleet.BrokerNames;
import com.mt5ops.console.ui.fleet.FleetViewModel;
import com.mt5ops.console.ui.services.ConsoleServices;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * "Rename broker…": asks for the name and a reason, then writes it through the audited rename (compare-and-set on the
 * name shown). Read-only consoles cannot; the result shows where action results do, and the new name arrives through
 * the names mirror like any other change.
 */
final class BrokerRenames {
    private final ConsoleServices services;
    private final FleetViewModel vm;
    private final Supplier<Window> owner;
    private final Consumer<Runnable> fx;
    private final ActionController actions;

    BrokerRenames(ConsoleServices services, FleetViewModel vm, Supplier<Window> owner, Consumer<Runnable> fx, ActionController actions) {
        this.services = services;
        this.vm = vm;
        this.owner = owner;
        this.fx = fx;
        this.actions = actions;
    }

    void ask(String brokerId) {
        if (actions.pending().get()) {
            return;
        }
        if (actions.readOnly().get()) {
            actions.show(false, actions.readOnlyReason().get());
            return;
        }
        Optional<String> bad = BrokerNameRules.idProblem(brokerId);
        if (bad.isPresent()) {
            actions.show(false, "Cannot name this broker: " + bad.get() + ".");
            return;
        }
        String current = vm.brokerNames().raw(brokerId);
        int instances = (int) vm.visibleInstances().stream().filter(i -> brokerId.equals(i.rawBrokerId())).count();
        RenameDialog.show(owner.get(), brokerId, current, instances).ifPresent(a -> send(brokerId, current, a));
    }

    private void send(String brokerId, String current, RenameDialog.Answer answer) {
        // A name cut on reading (hostile length) cannot be compared: the operator saw it was one and replaces it.
        ExpectedState shown = current != null && current.length() > BrokerNameRules.MAX_KEPT
                ? ExpectedState.ANY : ExpectedState.seen(current);
        actions.pending().set(true);
        actions.show(true, "pending: renaming broker " + vm.brokerNames().withId(brokerId) + " …");
        services.renameBroker().apply(new BrokerRename(brokerId, shown, answer.name(), services.operator(), services.host(), answer.reason()))
                .whenCompleteAsync((r, e) -> done(brokerId, r, e), fx::accept);
    }

    private void done(String brokerId, BrokerRenameResult r, Throwable e) {
        actions.pending().set(false);
        actions.completed().set(actions.completed().get() + 1);
        if (r == null) {
            actions.show(false, "rename of broker " + brokerId + " failed: " + Objects.toString(e == null ? null : e.getMessage()));
            return;
        }
        actions.show(r.outcome() == Outcome.DONE, BrokerNames.bounded(r.message(), 400)); // it may quote a name from Redis
        if (r.deniedByAcl()) {
            actions.deniedWrite(r.message());
        }
    }
}
