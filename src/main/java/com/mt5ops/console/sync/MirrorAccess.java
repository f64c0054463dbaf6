package com.mt5ops.console.sync;

import com.mt5ops.console.redis.Capabilities;
import com.mt5ops.console.redis.Capabilities.Right;
import com.mt5ops.console.redis.NotificationConfig;
import com.mt5ops.console.redis.RedisAccessException;
import com.mt5ops.console.redis.RedisConnector;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the mirror may do on its server: the operator's word ({@link MirrorRights}) within what the Redis user may do
 * ({@link Capabilities}: asked at start, refusals learned since where the server could not be asked). The mirror sends
 * nothing this says no to. It is also the window's way to the one consented change: the CONFIG SET that turns on the
 * keyspace events, offered while the flags lack them and sent only when the operator confirms it.
 */
public final class MirrorAccess {
    private static final Logger LOG = LoggerFactory.getLogger(MirrorAccess.class);

    private final MirrorRights rights;
    private final RedisConnector connector;
    private final Runnable recheck;
    private final CompletableFuture<Capabilities> known = new CompletableFuture<>();
    private final java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
    private final NotificationConfig config = new NotificationConfig();
    private volatile Capabilities caps;
    private volatile NotificationConfig.Fix offer;

    MirrorAccess(MirrorRights rights, RedisConnector connector, Runnable recheck) {
        this.rights = rights;
        this.connector = connector;
        this.recheck = recheck;
    }

    /** For a feed with no Redis behind it: every right, unverified, and nothing to change. */
    public static MirrorAccess unchecked() {
        MirrorAccess a = new MirrorAccess(MirrorRights.READ_ONLY, null, () -> { });
        a.learned(Capabilities.unverified("", "no Redis to ask"));
        a.askedAhead();
        return a;
    }

    /** The user's rights, once first learned (a viewer's window opens read-only on them). */
    public CompletionStage<Capabilities> capabilities() {
        return known.minimalCompletionStage();
    }

    /** The CONFIG SET the window may offer now: the flags lack what the console needs and the console may change them. */
    public Optional<NotificationConfig.Fix> notificationFix() {
        return Optional.ofNullable(offer);
    }

    /**
     * Sends {@code fix} (the operator confirmed it), unless the flags changed since it was offered; then the mirror checks
     * its events again at once. Blocks: call it off the FX thread. Returns what happened; throws when it failed.
     */
    public String enableNotifications(NotificationConfig.Fix fix) {
        if (connector == null || !rights.mayWrite() || !now().may(Right.SET_CONFIG)) {
            throw new IllegalStateException("this console may not change the server's configuration");
        }
        try (ConfigTarget target = ConfigTarget.open(connector, fix.node())) {
            NotificationConfig.Access redis = target.access();
            String flags = redis.get();
            if (!flags.equals(fix.current())) {
                throw new IllegalStateException("not sent: notify-keyspace-events changed meanwhile (now '" + flags + "')");
            }
            String where = fix.node().isEmpty() ? "" : " to " + fix.node();
            LOG.warn("{}{} (confirmed by the operator)", fix.command(), where);
            redis.set(fix.merged());
            return "sent " + fix.command() + where + "; notify-keyspace-events is now '" + redis.get() + "'";
        } catch (RuntimeException e) {
            throw e instanceof IllegalStateException ? e : RedisAccessException.from(connector.endpoint().display(), e);
        } finally {
            recheck.run();
        }
    }

    /** The rights as learned so far (unverified until learned). */
    Capabilities now() {
        Capabilities c = caps;
        return c != null ? c : Capabilities.unverified("", "not asked yet");
    }

    boolean isKnown() {
        return caps != null;
    }

    /** The read-ahead has asked (answered or not): the client asks itself only if no answer came. */
    void askedAhead() {
        asked.countDown();
    }

    /** Waits up to {@code limit} for the read-ahead's question, so the client need not ask again; true once known. */
    boolean awaitAsked(java.time.Duration limit) {
        try {
            asked.await(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return isKnown();
    }

    synchronized void learned(Capabilities c) {
        caps = c;
        known.complete(c);
    }

    /** A refusal where the server could not be asked: not tried again. */
    synchronized void refused(Right right, String why) {
        LOG.info("the server refused what it could not be asked about ({}): {}", right, why);
        if (caps != null) {
            caps = caps.refused(right, why);
        }
    }

    boolean mayProbe() {
        return rights.mayWrite() && now().may(Right.PROBE);
    }

    boolean mayRunReadScript() {
        return now().may(Right.READ_SCRIPT);
    }

    boolean mayReadConfig() {
        return now().may(Right.READ_CONFIG);
    }

    /**
     * CHECK_NOTIFICATIONS: reads the flags where the user may, adds the missing ones only with consent, and says what
     * the machine should know. Flags it may not read: whether events arrive decides.
     */
    MirrorEvent checkNotifications(NotificationConfig.Access control) {
        return checkNotifications(control, "");
    }

    /** The same on the cluster master {@code node} (host:port): an offer is for that master. */
    MirrorEvent checkNotifications(NotificationConfig.Access control, String node) {
        if (!mayReadConfig()) {
            offer = null;
            return new MirrorEvent.NotificationsOn(false, mayProbe());
        }
        boolean maySet = rights.mayWrite() && now().may(Right.SET_CONFIG);
        NotificationConfig.Status status = rights.mayEnableNotifications() && maySet ? config.ensure(control) : config.read(control);
        if (status.changed()) {
            LOG.warn("{} (--enable-notifications)", status.message());
        }
        if (status.flags() == null && RedisAccessException.isDenial(status.message())) {
            refused(Right.READ_CONFIG, status.message());
        } else if (status.message().contains("CONFIG SET was refused") && RedisAccessException.isDenial(status.message())) {
            refused(Right.SET_CONFIG, status.message());
        }
        boolean mayOffer = rights.mayWrite() && now().may(Right.SET_CONFIG);
        offer = mayOffer ? NotificationConfig.fixFor(status.flags()).map(f -> f.on(node)).orElse(null) : null;
        if (status.enabled() || status.flags() == null) {
            return new MirrorEvent.NotificationsOn(status.enabled(), mayProbe());
        }
        return new MirrorEvent.NotificationsOff(status.message() + consent(mayOffer, status));
    }

    /** Why the flags stay as they are. */
    private String consent(boolean maySet, NotificationConfig.Status status) {
        if (status.message().contains("CONFIG SET was refused")) {
            return "";
        }
        if (!rights.mayWrite()) {
            return "; read-only: the console changes nothing on the server";
        }
        if (!maySet) {
            return "; the Redis user may not change it (CONFIG SET)";
        }
        return "; the console changes server configuration only with consent (--enable-notifications, or the window's Enable button)";
    }
}
