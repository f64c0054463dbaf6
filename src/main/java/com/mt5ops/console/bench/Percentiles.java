package com.mt5ops.console.bench;

import java.util.Arrays;

/** Percentiles of a sample of durations (milliseconds). */
public final class Percentiles {
    private Percentiles() {
    }

    public static double of(double[] samples, double p) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public static double median(double[] samples) {
        return of(samples, 50);
    }

    public static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
