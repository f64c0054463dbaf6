package com.mt5ops.console.redis;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Redis URI's text taken apart around its user info, by the Redis URI scheme: {@code user:password@},
 * {@code :password@} (password only) and a lone {@code user@} (a user name, not a password). Also the two forms
 * that are safe to keep or show: the remembered one (user name, no password) and the one for error messages.
 */
public record UriText(String scheme, String user, String password, String withoutUserInfo, String rawUser) {
    /** Lettuce's query options; anything else (a {@code password=} say) is neither used nor remembered. */
    private static final Set<String> QUERY_OPTIONS = Set.of("timeout", "database", "db", "sentinelmasterid",
            "clientname", "libraryname", "libraryversion", "verifypeer");
    private static final String HOST = "(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(:[0-9]{1,5})?";
    private static final Pattern AUTHORITY = Pattern.compile("(" + HOST + "(," + HOST + ")*)?");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

    /** Why a text is not a URI this console takes; the message never repeats the user info. */
    public static final class Malformed extends Exception {
        Malformed(String why) {
            super(why, null, false, false);
        }
    }

    /** Splits {@code text}; the password is percent-decoded, null when the URI carries none (or an empty one). */
    public static UriText split(String text) throws Malformed {
        if (text == null || text.isBlank()) {
            throw new Malformed("empty");
        }
        int sep = text.indexOf("://");
        if (sep <= 0 || !SCHEME.matcher(text.substring(0, sep)).matches()) {
            throw new Malformed("no redis://, rediss:// or redis-sentinel:// scheme");
        }
        String scheme = text.substring(0, sep);
        String body = text.substring(sep + 3);
        int end = firstOf(body, "/?#");
        int at = body.lastIndexOf('@', end - 1);
        String userInfo = at < 0 ? null : body.substring(0, at);
        String rest = at < 0 ? body : body.substring(at + 1);
        if (rest.indexOf('@') >= 0) {
            throw new Malformed("'@', '/', '?' and '#' in a user name or password must be percent-encoded"
                    + " (or give the password in MT5_REDIS_PASSWORD)");
        }
        String authority = rest.substring(0, firstOf(rest, "/?#"));
        if (!AUTHORITY.matcher(authority).matches()) {
            throw new Malformed("the host part is not host:port (or host1:port1,host2:port2)");
        }
        String rawUser = null;
        String user = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
            user = emptyToNull(decode(rawUser));
            password = colon < 0 ? null : emptyToNull(decode(userInfo.substring(colon + 1)));
            rawUser = user == null ? null : rawUser;
        }
        return new UriText(scheme, user, password, scheme + "://" + rest, rawUser);
    }

    /** The URI to remember: the user name kept, the password and unknown query options dropped; null if not a URI. */
    public static String remembered(String text) {
        if (text == null) {
            return null;
        }
        try {
            UriText t = split(text);
            String rest = withoutForeignQuery(t.withoutUserInfo.substring(t.scheme.length() + 3));
            return t.scheme + "://" + (t.rawUser == null ? "" : t.rawUser + "@") + rest;
        } catch (Malformed e) {
            return null;
        }
    }

    /**
     * For a message about a text that is not a URI: scheme, a mark where user info was, host and port; no more.
     * Null when the text has no scheme, so nothing in it can be told apart from a secret.
     */
    public static String masked(String text) {
        int sep = text == null ? -1 : text.indexOf("://");
        if (sep <= 0 || !SCHEME.matcher(text.substring(0, sep)).matches()) {
            return null;
        }
        String body = text.substring(sep + 3);
        int at = body.lastIndexOf('@');
        String rest = at < 0 ? body : body.substring(at + 1);
        StringBuilder hosts = new StringBuilder();
        for (String part : rest.substring(0, firstOf(rest, "/?#")).split(",", -1)) {
            int colon = part.lastIndexOf(':');
            boolean numericPort = colon >= 0 && part.substring(colon + 1).matches("[0-9]{1,5}");
            String host = colon < 0 || part.endsWith("]") ? part : part.substring(0, colon);
            host = host.matches("[A-Za-z0-9._\\[\\]:-]*") ? host : "***";
            hosts.append(hosts.length() > 0 ? "," : "").append(host)
                    .append(colon < 0 || part.endsWith("]") ? "" : numericPort ? part.substring(colon) : ":***");
        }
        return text.substring(0, sep) + "://" + (at < 0 ? "" : "***@") + hosts;
    }

    @Override
    public String toString() {
        return "UriText[" + scheme + "://" + (user == null ? "" : user + (password == null ? "" : ":***") + "@") + "...]";
    }

    private static String withoutForeignQuery(String rest) {
        int q = rest.indexOf('?');
        if (q < 0) {
            return rest;
        }
        int hash = rest.indexOf('#', q);
        String query = hash < 0 ? rest.substring(q + 1) : rest.substring(q + 1, hash);
        StringBuilder kept = new StringBuilder();
        for (String param : query.split("[&;]")) {
            String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            if (QUERY_OPTIONS.contains(name.toLowerCase(Locale.ROOT))) {
                kept.append(kept.length() == 0 ? "?" : "&").append(param);
            }
        }
        return rest.substring(0, q) + kept + (hash < 0 ? "" : rest.substring(hash));
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static String decode(String s) throws Malformed {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Malformed("a '%' in the user info is not a percent-encoding");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
