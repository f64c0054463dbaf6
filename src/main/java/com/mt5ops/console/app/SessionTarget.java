package com.mt5ops.console.app;

import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.redis.UriText;
import com.mt5ops.console.ui.profiles.SessionInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where one session of the window connects: an endpoint, named by a profile or not (profile null), or the private
 * demo (endpoint null; its Redis starts with the session).
 */
record SessionTarget(String profile, RedisEndpoint endpoint) {
    static final SessionTarget DEMO = new SessionTarget(null, null);

    boolean isDemo() {
        return endpoint == null;
    }

    /**
     * The same endpoint and TLS settings as {@code user} (blank: the URI's user, else none) with {@code password}, which
     * only the endpoint's credentials hold (the texts it keeps and shows have none).
     */
    SessionTarget withCredentials(String user, String password) {
        return new SessionTarget(profile, RedisEndpoint.parse(withUser(endpoint.remembered(), user), password).withTls(endpoint.tls()));
    }

    /** What the window shows about a session to {@code endpoint} (the demo's own, for the demo). */
    SessionInfo info(RedisEndpoint connected) {
        var uri = connected.uri();
        boolean oneHost = (uri.getSentinels() == null || uri.getSentinels().isEmpty()) && uri.getHost() != null;
        String where = oneHost ? uri.getHost() + ":" + uri.getPort() : connected.display().replaceFirst("^[a-z-]+://", "");
        String user = uri.getCredentialsProvider() == null ? null : uri.getCredentialsProvider().resolveCredentials()
                .map(c -> c.hasUsername() ? c.getUsername() : "").blockOptional().filter(u -> !u.isEmpty()).orElse(null);
        return new SessionInfo(profile, connected.display(), user, where, isDemo());
    }

    /**
     * {@code text} with {@code user} as its user name (blank: the text's own, if any), without any password and with
     * only Lettuce's query options; a text that is not a URI throws (BAD_URI, without its user info).
     */
    static String withUser(String text, String user) {
        try {
            UriText t = UriText.split(text);
            String name = user != null && !user.isBlank() ? user.strip() : t.user();
            String rest = t.withoutUserInfo().substring(t.scheme().length() + 3);
            String userInfo = name == null ? "" : URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "@";
            return UriText.remembered(t.scheme() + "://" + userInfo + rest);
        } catch (UriText.Malformed e) {
            return RedisEndpoint.parse(text).remembered(); // throws the usual BAD_URI, the user info masked
        }
    }
}
