package com.mt5ops.console.model;

/**
 * One thing wrong with the data: which instance (null for server-level problems), which key and field, and why,
 * quoting the raw text so the operator sees exactly what another system wrote.
 */
public record Problem(ProblemCode code, String instanceId, String key, String field, String message) {

    public static Problem server(ProblemCode code, String message) {
        return new Problem(code, null, null, null, message);
    }
}
