package com.mt5ops.console.ui.profiles;

import com.mt5ops.console.ui.settings.ConnectionProfile;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the window may ask of the app about its connection: the saved profiles, checking and testing one, and moving
 * the window to another Redis (a new session: the current connection is closed, the next one opened). Called on the
 * FX thread; nothing here blocks it.
 */
public interface SessionControl {

    /** A profile in the form it is kept (URI without user info or password, the user apart), or why it cannot be used. */
    record Checked(ConnectionProfile profile, String problem, String note) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    /** One line: OK and what the user may do, or why not. */
    record TestResult(boolean ok, String line) {
    }

    List<ConnectionProfile> profiles();

    /** Keeps {@code profiles} (in the owner-only settings file, never a password). */
    void saveProfiles(List<ConnectionProfile> profiles);

    Checked check(ConnectionProfile profile);

    /** Connects once with {@code profile} (a checked one) beside the current connection, which it leaves alone. */
    CompletableFuture<TestResult> test(ConnectionProfile profile);

    /** Moves the window to {@code profile}; empty when under way, else why not (nothing changed). */
    String switchTo(ConnectionProfile profile);

    /** Moves the window to the private demo. */
    void switchToDemo();

    /** Connects the current endpoint again as {@code user} (blank: the default user) with {@code password}, held in memory only. */
    void reconnectAs(String user, String password);
}
