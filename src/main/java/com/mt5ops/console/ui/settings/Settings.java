package com.mt5ops.console.ui.settings;

import com.mt5ops.console.model.FreshnessPolicy;
import com.mt5ops.console.redis.UriText;
import com.mt5ops.console.ui.fleet.FreshnessFilter;
import com.mt5ops.console.ui.fleet.SortOrder;
import com.mt5ops.console.ui.look.Theme;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the console remembers between runs: theme, view, sort, filters, freshness thresholds, the last connection (its
 * URI without any password, and the name of its profile if it was one) and the connection profiles. Never a
 * credential. A missing choice (null) is the default one.
 */
public record Settings(Theme theme, ViewMode view, SortOrder sort, boolean problemsOnly, FreshnessFilter freshnessFilter,
                       long agingSeconds, long staleSeconds, long lostSeconds, String redis, List<ConnectionProfile> profiles,
                       String profile) {

    public Settings {
        theme = theme == null ? Theme.DARK : theme;
        view = view == null ? ViewMode.GRID : view;
        sort = sort == null ? SortOrder.PROBLEMS_FIRST : sort;
        freshnessFilter = freshnessFilter == null ? FreshnessFilter.ANY : freshnessFilter;
        profiles = profiles == null ? List.of() : profiles.stream().filter(Objects::nonNull).toList();
    }

    /** Without profiles. */
    public Settings(Theme theme, ViewMode view, SortOrder sort, boolean problemsOnly, FreshnessFilter freshnessFilter,
                    long agingSeconds, long staleSeconds, long lostSeconds, String redis) {
        this(theme, view, sort, problemsOnly, freshnessFilter, agingSeconds, staleSeconds, lostSeconds, redis, List.of(), null);
    }

    public static Settings defaults() {
        return new Settings(null, null, null, false, null, 15, 60, 300, null);
    }

    public FreshnessPolicy freshness() {
        boolean sane = agingSeconds > 0 && staleSeconds > agingSeconds && lostSeconds > staleSeconds;
        return sane ? new FreshnessPolicy(Duration.ofSeconds(agingSeconds), Duration.ofSeconds(staleSeconds),
                Duration.ofSeconds(lostSeconds), FreshnessPolicy.defaults().skewTolerance()) : FreshnessPolicy.defaults();
    }

    public Settings withRedis(String uri) {
        return new Settings(theme, view, sort, problemsOnly, freshnessFilter, agingSeconds, staleSeconds, lostSeconds, uri, profiles, profile);
    }

    /** The last connection: its URI (no password) and its profile's name (null when it was not a profile). */
    public Settings withConnection(String uri, String profileName) {
        return new Settings(theme, view, sort, problemsOnly, freshnessFilter, agingSeconds, staleSeconds, lostSeconds, uri, profiles,
                profileName);
    }

    public Settings withProfiles(List<ConnectionProfile> newProfiles) {
        return new Settings(theme, view, sort, problemsOnly, freshnessFilter, agingSeconds, staleSeconds, lostSeconds, redis,
                newProfiles, profile);
    }

    public Settings withView(Theme newTheme, ViewMode newView, SortOrder newSort, boolean newProblemsOnly,
                             FreshnessFilter newFreshness) {
        return new Settings(newTheme, newView, newSort, newProblemsOnly, newFreshness, agingSeconds, staleSeconds, lostSeconds, redis,
                profiles, profile);
    }

    /** These settings as they may be written: every URI (the last one's, each profile's) through {@link #withoutPassword}. */
    public Settings withoutPasswords() {
        return withRedis(withoutPassword(redis)).withProfiles(profiles.stream().map(p -> p.withUri(withoutPassword(p.uri()))).toList());
    }

    /**
     * The URI with its user info reduced to the user name and no query option but Lettuce's: passwords are never
     * stored, in any form. Null for a text that is not a URI (it could not be told apart from a secret).
     */
    public static String withoutPassword(String uri) {
        return UriText.remembered(uri);
    }
}
