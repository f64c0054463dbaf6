package com.mt5ops.console.sync;

/** One instance's recent CPU (%) and memory (MB), one sample a second, oldest first; NaN where unknown. */
public record HistorySeries(long lastEpochSecond, float[] cpu, float[] memory) {

    public int size() {
        return cpu.length;
    }
}
