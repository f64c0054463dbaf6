package com.mt5ops.console.ui.actions;

import com.mt5ops.console.model.ExpectedState;
import com.mt5ops.console.model.Instance;
import com.mt5ops.console.model.InstanceState;
import com.mt5ops.console.model.TransitionResult;
import com.mt5ops.console.model.TransitionResult.Outcome;
import com.mt5ops.console.model.TransitionTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one action on several instances will do, as the confirmation shows it: each instance with its state now and
 * the target, whether it changed since it was selected, and whether the transition table allows it (those it does
 * not are skipped: never sent). The states shown are the compare-and-set values; afterwards, one plain sentence
 * says what became of them all.
 */
public final class BulkPlan {
    /**
     * One selected instance: {@code now} is the state shown (and compared), {@code whenSelected} what it was when
     * selected (null: unknown), {@code skip} why it is not sent, or null when it is.
     */
    public record Row(String id, String broker, ExpectedState whenSelected, ExpectedState now, InstanceState to, String skip) {
        public boolean changed() {
            return whenSelected != null && !whenSelected.equals(now);
        }

        /** "was running when selected, now crashed", or empty. */
        public String changeNote() {
            return changed() ? "was " + whenSelected.describe() + " when selected, now " + now.describe() : "";
        }

        public boolean sent() {
            return skip == null;
        }
    }

    private final InstanceState to;
    private final List<Row> rows;

    private BulkPlan(InstanceState to, List<Row> rows) {
        this.to = to;
        this.rows = List.copyOf(rows);
    }

    /** The plan for {@code ids} as the view holds them now; ids the view no longer holds are left out. */
    public static BulkPlan of(List<String> ids, InstanceState to, Function<String, Instance> lookup,
                              Function<String, ExpectedState> whenSelected, Function<String, String> brokerLabel, TransitionTable table) {
        List<Row> rows = new ArrayList<>(ids.size());
        for (String id : ids) {
            Instance i = lookup.apply(id);
            if (i != null) {
                rows.add(new Row(id, brokerLabel.apply(i.rawBrokerId()), whenSelected.apply(id), ExpectedState.seen(i.rawState()), to,
                        refusal(i, to, table).orElse(null)));
            }
        }
        return new BulkPlan(to, rows);
    }

    /** A plan of rows already decided: each id with the state to compare, all sent (the single path, scripts). */
    public static BulkPlan sending(Map<String, ExpectedState> expected, InstanceState to) {
        List<Row> rows = new ArrayList<>();
        expected.forEach((id, shown) -> rows.add(new Row(id, "", null, shown, to, null)));
        return new BulkPlan(to, rows);
    }

    /** Why the table does not let {@code i} go to {@code to} from the state it shows, or empty when it does. */
    public static Optional<String> refusal(Instance i, InstanceState to, TransitionTable table) {
        if (i.rawState() == null) {
            return Optional.of("no state field: no transition starts there");
        }
        InstanceState from = i.stateOrNull();
        if (from == null) {
            return Optional.of("unknown state '" + i.rawState() + "': not in the transition table");
        }
        if (from == to) {
            return Optional.of("already " + to.wire());
        }
        return table.isAllowed(from, to) ? Optional.empty() : Optional.of(from.wire() + " → " + to.wire() + " not allowed");
    }

    public InstanceState to() {
        return to;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The rows that will be sent, in order. */
    public List<Row> sent() {
        return rows.stream().filter(Row::sent).toList();
    }

    /** Each row to send with the state shown: the compare half of its compare-and-set. */
    public Map<String, ExpectedState> expected() {
        Map<String, ExpectedState> m = new LinkedHashMap<>();
        sent().forEach(r -> m.put(r.id(), r.now()));
        return m;
    }

    /** When nothing can be sent: why, before anything is asked. */
    public String nothingToSend() {
        return "nothing to " + ActionLabels.verb(to) + ": " + skippedText();
    }

    /** The plain sentence of what became of every row ("3 marked a restart · 1 conflict: now running · …"). */
    public String summary(List<TransitionResult> results) {
        List<String> parts = new ArrayList<>();
        Map<Outcome, List<TransitionResult>> by = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            by.put(o, new ArrayList<>());
        }
        results.forEach(r -> by.get(r == null ? Outcome.UNAVAILABLE : r.outcome()).add(r));
        int done = by.get(Outcome.DONE).size();
        if (done > 0) {
            parts.add(done + " " + ActionLabels.done(to));
        }
        List<TransitionResult> conflicts = by.get(Outcome.CONFLICT);
        if (!conflicts.isEmpty()) {
            parts.add(conflicts.size() + (conflicts.size() == 1 ? " conflict" : " conflicts") + ": now "
                    + String.join(", ", conflicts.stream().map(r -> r.stateNow() == null ? "no state" : r.stateNow()).distinct().toList()));
        }
        by.forEach((outcome, list) -> {
            if (!list.isEmpty() && outcome != Outcome.DONE && outcome != Outcome.CONFLICT) {
                TransitionResult first = list.get(0);
                String why = first == null ? "no answer" : first.message();
                parts.add(list.size() + " " + word(outcome) + (list.size() == 1 ? ": " + why : " (first: " + why + ")"));
            }
        });
        if (sent().size() < rows.size()) {
            parts.add(skippedText());
        }
        return parts.isEmpty() ? "nothing done" : String.join(" · ", parts);
    }

    /** "1 skipped: stopped → restarting not allowed", one part per reason. */
    private String skippedText() {
        Map<String, Integer> reasons = new LinkedHashMap<>();
        rows.stream().filter(r -> !r.sent()).forEach(r -> reasons.merge(r.skip(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        reasons.forEach((why, n) -> parts.add(n + " skipped: " + why));
        return String.join(" · ", parts);
    }

    private static String word(Outcome o) {
        return switch (o) {
            case NOT_ALLOWED -> "not allowed";
            case NOT_FOUND -> "gone";
            case DENIED -> "denied";
            case UNAVAILABLE -> "unanswered";
            case REFUSED -> "refused";
            case SERVER_ERROR -> "failed";
            case NOT_REPLICATED -> "not confirmed by a replica";
            case DONE, CONFLICT -> o.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
