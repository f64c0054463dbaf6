package com.mt5ops.console.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The numbers of one bench run, in the order and with the JSON keys of the contract. */
public final class BenchResult {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public void put(String key, Object value) {
        values.put(key, value);
    }

    public Map<String, Object> values() {
        return values;
    }

    public double number(String key) {
        Object v = values.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
