package com.mt5ops.console.archfixture.model;

/** Obeys the rules: the bottom layer, using nothing of ours. */
public record Part(String id) {
}
