package com.mt5ops.console.ui.settings;

import com.mt5ops.console.model.FreshnessPolicy;
import java.time.Duration;

/**
 * What the console remembers between runs: theme, view, sort, filters, freshness thresholds and the last
 * connection (its URI without any password). Never a credential.
 */
public record Settings(String theme, String view, String sort, boolean problemsOnly, String freshnessFilter,
                       long agingSeconds, long staleSeconds, long lostSeconds, String redis) {

    public static Settings defaults() {
        return new Settings("dark", "grid", "PROBLEMS_FIRST", false, "ANY", 15, 60, 300, null);
    }

    public FreshnessPolicy freshness() {
        boolean sane = agingSeconds > 0 && staleSeconds > agingSeconds && lostSeconds > staleSeconds;
        return sane ? new FreshnessPolicy(Duration.ofSeconds(agingSeconds), Duration.ofSeconds(staleSeconds),
                Duration.ofSeconds(lostSeconds), FreshnessPolicy.defaults().skewTolerance()) : FreshnessPolicy.defaults();
    }

    public Settings withRedis(String uri) {
        return new Settings(theme, view, sort, problemsOnly, freshnessFilter, agingSeconds, staleSeconds, lostSeconds, uri);
    }

    public Settings withView(String newTheme, String newView, String newSort, boolean newProblemsOnly, String newFreshness) {
        return new Settings(newTheme, newView, newSort, newProblemsOnly, newFreshness, agingSeconds, staleSeconds, lostSeconds, redis);
    }

    /** The URI with user info reduced to the user name: passwords are never stored. */
    public static String withoutPassword(String uri) {
        return uri == null ? null : uri.replaceFirst("://([^:@/]*):[^@/]*@", "://$1@").replaceFirst("://@", "://");
    }
}
