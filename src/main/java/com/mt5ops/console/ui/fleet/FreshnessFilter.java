package com.mt5ops.console.ui.fleet;

import com.mt5ops.console.model.Freshness;

/** The freshness choices of the toolbar. */
public enum FreshnessFilter {
    ANY("any data age"), FRESH("fresh"), AGING("aging"), STALE("stale"), LOST("lost"), NOT_LIVE("stale or lost");

    private final String label;

    FreshnessFilter(String label) {
        this.label = label;
    }

    public boolean accepts(Freshness f) {
        return switch (this) {
            case ANY -> true;
            case FRESH -> f == Freshness.FRESH;
            case AGING -> f == Freshness.AGING;
            case STALE -> f == Freshness.STALE;
            case LOST -> f == Freshness.LOST;
            case NOT_LIVE -> f == Freshness.STALE || f == Freshness.LOST;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
