package com.mt5ops.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.redis.RedisAccessException;
import com.mt5ops.console.redis.RedisConnector;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.redis.TlsSettings;
import com.mt5ops.console.testing.RedisExtension;
import com.mt5ops.console.ui.settings.ConnectionProfile;
import com.mt5ops.console.ui.settings.Settings;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which Redis the window watches and as whom: the same user-info rule and MT5_REDIS_PASSWORD as the CLI. */
class GuiEndpointTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @BeforeEach
    void alice() {
        REDIS.redis().aclSetuser("alice", AclSetuserArgs.Builder.on().addPassword("al1ce-pw").allKeys().allChannels().allCommands());
    }

    @AfterEach
    void noAlice() {
        REDIS.redis().aclDeluser("alice");
    }

    private static String aliceUri() {
        return "redis://alice@127.0.0.1:" + REDIS.server().port() + "/0";
    }

    private static String whoAmI(RedisEndpoint endpoint) {
        try (RedisConnector connector = new RedisConnector(endpoint); StatefulRedisConnection<String, String> c = connector.connect()) {
            return c.sync().aclWhoami();
        }
    }

    @Test
    void aLoneUserNameGivenWithRedisAuthenticatesAsThatUserWithThePasswordFromTheEnvironment() {
        RedisEndpoint endpoint = GuiEndpoint.resolve(aliceUri(), false, Settings.defaults(), Map.of("MT5_REDIS_PASSWORD", "al1ce-pw")::get);
        assertEquals("alice", whoAmI(endpoint));
        assertFalse(endpoint.display().contains("al1ce-pw"));
        assertEquals(aliceUri(), endpoint.remembered());
    }

    @Test
    void theRememberedUriAndMt5RedisUriTakeThePasswordFromTheEnvironmentToo() {
        Settings remembered = Settings.defaults().withRedis(aliceUri());
        assertEquals("alice", whoAmI(GuiEndpoint.resolve(null, false, remembered, Map.of("MT5_REDIS_PASSWORD", "al1ce-pw")::get)));
        Map<String, String> env = Map.of("MT5_REDIS_URI", aliceUri(), "MT5_REDIS_PASSWORD", "al1ce-pw");
        assertEquals("alice", whoAmI(GuiEndpoint.resolve(null, false, Settings.defaults(), env::get)));
    }

    @Test
    void withoutAnyUriOrWithDemoItIsTheDemo() {
        Map<String, String> env = Map.of("MT5_REDIS_URI", aliceUri());
        assertNull(GuiEndpoint.resolve(null, false, Settings.defaults(), Map.<String, String>of()::get));
        assertNull(GuiEndpoint.resolve(aliceUri(), true, Settings.defaults(), env::get));
        assertEquals(aliceUri(), GuiEndpoint.chosen(null, false, Settings.defaults().withRedis("redis://other:1/0"), env::get));
    }

    @Test
    void aProfileIsOpenedByNameOrAsTheLastOneAndAnUnknownNameIsAUsageError() {
        ConnectionProfile alice = new ConnectionProfile("lab", "redis://127.0.0.1:" + REDIS.server().port() + "/0", "alice", "", "", "");
        Settings settings = Settings.defaults().withProfiles(List.of(alice));
        Map<String, String> env = Map.of("MT5_REDIS_PASSWORD", "al1ce-pw");
        SessionTarget named = GuiEndpoint.target(null, "lab", false, settings, env::get, TlsSettings.JVM_DEFAULT);
        assertEquals("lab", named.profile());
        assertEquals("alice", whoAmI(named.endpoint()));
        assertEquals(aliceUri(), named.endpoint().remembered());
        SessionTarget last = GuiEndpoint.target(null, null, false, settings.withConnection(aliceUri(), "lab"), env::get, TlsSettings.JVM_DEFAULT);
        assertEquals("lab", last.profile());
        assertTrue(GuiEndpoint.target(null, null, true, settings.withConnection(aliceUri(), "lab"), env::get, TlsSettings.JVM_DEFAULT).isDemo());
        SessionTarget uri = GuiEndpoint.target("redis://127.0.0.1:1/0", null, false, settings.withConnection(aliceUri(), "lab"), env::get,
                TlsSettings.JVM_DEFAULT);
        assertNull(uri.profile(), "--redis wins over the remembered profile");
        RedisAccessException unknown = assertThrows(RedisAccessException.class,
                () -> GuiEndpoint.target(null, "prod", false, settings, env::get, TlsSettings.JVM_DEFAULT));
        assertEquals("no connection profile named 'prod' (there are: lab)", unknown.getMessage());
    }

    @Test
    void aPasswordTypedInTheWindowReachesOnlyTheConnectionAndTheUserNameIsKept() {
        SessionTarget noUser = GuiEndpoint.target("redis://127.0.0.1:" + REDIS.server().port() + "/0?timeout=5s", null, false,
                Settings.defaults(), Map.<String, String>of()::get, TlsSettings.JVM_DEFAULT);
        SessionTarget typed = noUser.withCredentials("alice", "al1ce-pw");
        assertEquals("alice", whoAmI(typed.endpoint()));
        assertEquals("redis://alice@127.0.0.1:" + REDIS.server().port() + "/0?timeout=5s", typed.endpoint().remembered());
        assertFalse(typed.toString().contains("al1ce-pw"), typed.toString());
        assertEquals("redis://a%20b%40c@h:1/0", SessionTarget.withUser("redis://x:pw@h:1/0?password=pw", "a b@c"));
        assertEquals("redis://x@h:1/0", SessionTarget.withUser("redis://x:pw@h:1/0", " "));
        assertEquals("alice", typed.info(typed.endpoint()).user());
        assertEquals("127.0.0.1:" + REDIS.server().port(), typed.info(typed.endpoint()).where());
    }

    @Test
    void aUriThatDoesNotParseIsRefusedWithoutItsPassword() {
        RedisAccessException e = assertThrows(RedisAccessException.class,
                () -> GuiEndpoint.resolve("redis://ops:s3cret@host:port/0", false, Settings.defaults(), Map.<String, String>of()::get));
        assertEquals(RedisAccessException.Reason.BAD_URI, e.reason());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().contains("redis://***@host"), e.getMessage());
    }
}
