package com.mt5ops.console.ui.fleet;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.sync.Change;
import com.mt5ops.console.sync.MirrorBatch;
import com.mt5ops.console.sync.MirrorStats;
import com.mt5ops.console.ui.fx.Fx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fleet as the window shows it (FX thread only): every instance from the mirror, the visible ids in a
 * stable order, filters, sort, KPI counts and connection stats. Updates apply in place; the order changes only
 * on re-sort, which happens by itself only while the operator is not working in the grid.
 */
public final class FleetViewModel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FleetViewModel.class);
    private final FreshnessPolicy policy;
    private final Clock clock;
    private final Map<String, Instance> all = new HashMap<>();
    private final ChangeTracker changes = new ChangeTracker();
    private final VisibleOrder order = new VisibleOrder();
    private final ObservableList<String> visible = order.list();
    private final ObservableList<String> brokers = FXCollections.observableArrayList();
    private final ObjectProperty<FilterCriteria> criteria = new SimpleObjectProperty<>(FilterCriteria.none());
    private final ObjectProperty<SortOrder> sort = new SimpleObjectProperty<>(SortOrder.PROBLEMS_FIRST);
    private final ObjectProperty<MirrorStats> stats = new SimpleObjectProperty<>();
    private final ObjectProperty<KpiCounts> counts = new SimpleObjectProperty<>(KpiCounts.empty());
    private final ObjectProperty<Instant> now;
    private final ObjectProperty<Instant> dataAsOf = new SimpleObjectProperty<>();
    private final IntegerProperty dataVersion = new SimpleIntegerProperty();
    private final BooleanProperty pointerOverGrid = new SimpleBooleanProperty();
    private Instant lastPointerMove = Instant.EPOCH;
    private final Selection selection = new Selection(visible, this::get);
    private final BrokerNames brokerNames = new BrokerNames();
    private final ConnectionGate connection = new ConnectionGate(stats);
    private Set<String> lastChanged = Set.of();
    private Instant lastAutoSort = Instant.EPOCH, lastRecount = Instant.EPOCH;
    private FirstOrder firstOrder;

    public FleetViewModel(FreshnessPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.now = new SimpleObjectProperty<>(clock.instant());
        criteria.addListener((o, a, b) -> resort());
        sort.addListener((o, a, b) -> resort());
        brokerNames.version().addListener(o -> { if (!criteria.get().text().isBlank()) { resort(); } }); // search matches names
    }

    /** Applies one coalesced mirror batch. */
    public void apply(MirrorBatch whole) {
        Fx.assertFx();
        MirrorBatch batch = whole.removingTheRestOf(all.keySet());
        if (all.isEmpty() && batch.changes().size() > FirstOrder.FIRST_FILL_MIN) {
            firstFill(batch);
            return;
        }
        Instant t = clock.instant();
        Set<String> changed = new java.util.HashSet<>();
        boolean newBroker = false;
        java.util.Comparator<Instance> sorted = sort.get().comparator(policy, t);
        List<String> added = new ArrayList<>();
        List<String> leaving = new ArrayList<>();
        for (Change c : batch.changes()) {
            changed.add(c.instanceId());
            if (c.kind() == Change.Kind.REMOVED) {
                all.remove(c.instanceId());
                leaving.add(c.instanceId());
                continue;
            }
            Instance next = c.instance();
            Instance before = all.put(next.id(), next);
            changes.compare(before, next, t);
            String broker = next.rawBrokerId();
            newBroker |= broker != null && (before == null || !broker.equals(before.rawBrokerId()));
            boolean shown = order.contains(next.id());
            boolean matches = criteria.get().matches(next, policy, t, brokerNames::raw);
            if (!shown && matches) {
                added.add(next.id());
            } else if (shown && !matches) {
                leaving.add(next.id()); // the filters hold even while the order is frozen: it leaves at once
            } else if (shown && order.outOfOrder(next, sorted, all::get)) {
                order.markPending(next.id());
            }
        }
        // At most one list change each way per batch: the grid relayouts on every change event.
        order.append(added);
        if (order.hide(leaving)) {
            selection.retainVisibleAndFocused();
        }
        if (newBroker) {
            brokers.setAll(new TreeSet<>(all.values().stream().map(Instance::rawBrokerId).filter(b -> b != null).toList()));
        }
        stats.set(batch.stats());
        // the first data is as of now even before the mirror is live (the start-up read); later, only live data is
        if (batch.stats().state().isCurrent() || dataAsOf.get() == null && !batch.changes().isEmpty()) {
            dataAsOf.set(t);
        }
        lastChanged = changed;
        order.publishPending();
        if (t.isAfter(lastRecount.plusMillis(250))) {
            recount(t);
        }
        dataVersion.set(dataVersion.get() + 1);
        autoResort(t);
    }

    /** Where the first large batch may arrive already sorted (see {@link FirstOrder}). */
    public void takeFirstOrderFrom(FirstOrder ahead) {
        this.firstOrder = ahead;
    }

    /** The first large batch into an empty view (start-up): take it whole and sort once, or take its prepared order. */
    private void firstFill(MirrorBatch batch) {
        Instant t = clock.instant();
        for (Change c : batch.changes()) {
            if (c.kind() == Change.Kind.UPSERT) {
                all.put(c.instanceId(), c.instance());
            }
        }
        brokers.setAll(new TreeSet<>(all.values().stream().map(Instance::rawBrokerId).filter(b -> b != null).toList()));
        stats.set(batch.stats());
        dataAsOf.set(t);
        lastChanged = Set.of();
        List<String> ahead = firstOrder == null ? null : firstOrder.take(batch, sort.get(), criteria.get());
        if (ahead != null) {
            showInOrder(ahead, t);
        } else {
            resort();
        }
        recount(t);
        dataVersion.set(dataVersion.get() + 1);
    }

    /** Called every second: ages move on, so freshness, counts and cards are redrawn. */
    public void tick() {
        Instant t = clock.instant();
        now.set(t);
        if (criteria.get().dependsOnTime()) {
            refilter(t);
        }
        recount(t);
        autoResort(t);
    }

    /** Ages moved on: what a data-age or problems-only filter no longer takes leaves now, and what it now takes joins. */
    private void refilter(Instant t) {
        if (order.refilter(all, i -> criteria.get().matches(i, policy, t, brokerNames::raw))) {
            selection.retainVisibleAndFocused();
        }
    }

    private void autoResort(Instant t) {
        boolean busy = pointerOverGrid.get() && t.isBefore(lastPointerMove.plusSeconds(10));
        int waiting = order.pendingCount().get();
        boolean due = waiting > 0 && !busy && selection.isEmpty()
                && (visible.isEmpty() || t.isAfter(lastAutoSort.plusSeconds(10)) || visible.size() == waiting);
        if (due) {
            resort();
        }
    }

    /** Recomputes the visible ids and their order now (the toolbar's re-sort). */
    public void resort() {
        long started = System.nanoTime();
        Instant t = clock.instant();
        List<Instance> shown = new ArrayList<>();
        for (Instance i : all.values()) {
            if (criteria.get().matches(i, policy, t, brokerNames::raw)) {
                shown.add(i);
            }
        }
        showInOrder(sort.get().order(shown, policy, t), t);
        LOG.debug("re-sort of {} instances in {} ms", visible.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private void showInOrder(List<String> ids, Instant t) {
        lastAutoSort = t;
        order.setAll(ids);
        selection.retainVisible();
    }

    private void recount(Instant t) {
        lastRecount = t;
        counts.set(KpiCounts.of(all.values(), policy, t));
    }

    public Instance get(String id) {
        return all.get(id);
    }

    /** The visible instances in display order (for export). */
    public List<Instance> visibleInstances() {
        return visible.stream().map(all::get).filter(i -> i != null).toList();
    }

    public boolean changedInLastBatch(String id) {
        return lastChanged.contains(id);
    }

    /** When each instance's state and restarts last changed, and the new crashes to alert about. */
    public ChangeTracker changes() {
        return changes;
    }

    public int indexOf(String id) {
        return order.indexOf(id);
    }

    public FreshnessPolicy policy() {
        return policy;
    }

    public ObservableList<String> visible() {
        return visible;
    }

    public ObservableList<String> brokers() {
        return brokers;
    }

    public ObjectProperty<FilterCriteria> criteria() {
        return criteria;
    }

    public ObjectProperty<SortOrder> sort() {
        return sort;
    }

    public ObjectProperty<MirrorStats> stats() {
        return stats;
    }

    public ObjectProperty<KpiCounts> counts() {
        return counts;
    }

    public ObjectProperty<Instant> now() {
        return now;
    }

    public ObjectProperty<Instant> dataAsOf() {
        return dataAsOf;
    }

    public IntegerProperty pendingResort() {
        return order.pendingCount();
    }

    /** Whether the connection is current (LIVE or POLLING), and why not: what actions may rely on. */
    public ConnectionGate connection() {
        return connection;
    }

    public IntegerProperty dataVersion() {
        return dataVersion;
    }

    /** True while the pointer is over the grid; with {@link #pointerMoved()} it freezes the order while the operator works. */
    public BooleanProperty pointerOverGrid() {
        return pointerOverGrid;
    }

    /** The pointer moved over the grid: the order stays put for the next 5 s. */
    public void pointerMoved() {
        lastPointerMove = clock.instant();
    }

    public Selection selection() {
        return selection;
    }

    public BrokerNames brokerNames() {
        return brokerNames;
    }
}
