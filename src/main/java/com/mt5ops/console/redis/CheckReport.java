package com.mt5ops.console.redis;

import com.mt5ops.console.model.Problem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of an integrity check: every problem, plus counts for the summary; after a repair, the index memberships
 * it changed and the interrupted transitions its recovery pass completed (or could not).
 */
public record CheckReport(List<Problem> problems, int instances, int repairedMemberships, RecoveryReport recovered) {

    public CheckReport(List<Problem> problems, int instances, int repairedMemberships) {
        this(problems, instances, repairedMemberships, TransitionWriter.nothingPending());
    }

    public Map<String, Integer> countsByCode() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Problem p : problems) {
            counts.merge(p.code().name(), 1, Integer::sum);
        }
        return counts;
    }
}
