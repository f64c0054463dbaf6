package com.mt5ops.console.sync;

import com.mt5ops.console.model.Instance;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short CPU and memory history per instance, kept by the console itself (Redis holds only the latest value):
 * one float ring per metric, so 10,000 instances x 10 minutes stay under 50 MB.
 */
public final class MetricHistory {
    private final int capacity;
    private final ConcurrentHashMap<String, Ring> rings = new ConcurrentHashMap<>();

    public MetricHistory(int capacity) {
        this.capacity = capacity;
    }

    private static final class Ring {
        final float[] cpu;
        final float[] memory;
        int next;
        int size;
        long lastSecond = Long.MIN_VALUE;

        Ring(int capacity) {
            cpu = new float[capacity];
            memory = new float[capacity];
        }

        synchronized void add(long second, float c, float m) {
            if (second == lastSecond) {
                return;
            }
            lastSecond = second;
            cpu[next] = c;
            memory[next] = m;
            next = (next + 1) % cpu.length;
            size = Math.min(size + 1, cpu.length);
        }

        synchronized HistorySeries copy() {
            float[] c = new float[size];
            float[] m = new float[size];
            int start = (next - size + cpu.length) % cpu.length;
            for (int k = 0; k < size; k++) {
                c[k] = cpu[(start + k) % cpu.length];
                m[k] = memory[(start + k) % cpu.length];
            }
            return new HistorySeries(lastSecond, c, m);
        }
    }

    /** Records the current value of every instance for this second. */
    public void sample(Collection<Instance> instances, long epochSecond) {
        for (Instance i : instances) {
            Double c = i.metrics() == null ? null : i.metrics().cpuUsage();
            Double m = i.metrics() == null ? null : i.metrics().memoryUsage();
            rings.computeIfAbsent(i.id(), k -> new Ring(capacity))
                    .add(epochSecond, c == null ? Float.NaN : c.floatValue(), m == null ? Float.NaN : m.floatValue());
        }
    }

    public HistorySeries series(String id) {
        Ring r = rings.get(id);
        return r == null ? new HistorySeries(0, new float[0], new float[0]) : r.copy();
    }

    public void remove(String id) {
        rings.remove(id);
    }

    public int tracked() {
        return rings.size();
    }
}
