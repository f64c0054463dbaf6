package com.mt5ops.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.CliRun;
import com.mt5ops.console.testing.Fixtures;
import com.mt5ops.console.testing.RedisExtension;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the CLI reads the user info of --redis and MT5_REDIS_PASSWORD, against a Redis where only alice gets in. */
class CredentialsCommandTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final String ALICE_PASSWORD = "al1ce-pw";

    /** alice with a password; the default user locked behind another one, so a run that gets in is alice's. */
    private static String onlyAliceGetsIn() {
        RedisCommands<String, String> r = REDIS.redis();
        r.aclSetuser("alice", io.lettuce.core.AclSetuserArgs.Builder.on().addPassword(ALICE_PASSWORD).allKeys().allChannels().allCommands());
        r.aclSetuser("default", io.lettuce.core.AclSetuserArgs.Builder.resetpass().addPassword("not-given-to-anyone"));
        return Fixtures.instance(r, "running");
    }

    @AfterEach
    void unlockDefault() {
        REDIS.redis().aclSetuser("default", io.lettuce.core.AclSetuserArgs.Builder.resetpass().nopass());
        REDIS.redis().aclDeluser("alice");
    }

    private static String aliceUri(String userInfo) {
        return "redis://" + userInfo + "127.0.0.1:" + REDIS.server().port() + "/0";
    }

    @Test
    void aLoneUserNameIsAUserWhosePasswordComesFromTheEnvironment() {
        String id = onlyAliceGetsIn();
        CliRun run = CliRun.withEnv(Map.of("MT5_REDIS_PASSWORD", ALICE_PASSWORD),
                "mark-restart", "--redis", aliceUri("alice@"), "--id", id, "--reason", "as alice");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("restarting", REDIS.redis().hget("instance:" + id, "state"));
    }

    @Test
    void aLoneUserNameWithoutAPasswordIsRefusedAsAuthenticationNotTakenForAPassword() {
        onlyAliceGetsIn();
        CliRun run = CliRun.of("check", "--redis", aliceUri("alice@"));
        assertEquals(5, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("authentication failed"), run.err());
        assertEquals(1, run.errLines(), run.err());
    }

    @Test
    void aPasswordInTheUriWinsOverTheEnvironment() {
        onlyAliceGetsIn();
        CliRun run = CliRun.withEnv(Map.of("MT5_REDIS_PASSWORD", "wrong"), "snapshot", "--redis", aliceUri("alice:" + ALICE_PASSWORD + "@"));
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void thePasswordOnlyFormAndThePercentEncodedPasswordAuthenticate() {
        REDIS.redis().aclSetuser("default", io.lettuce.core.AclSetuserArgs.Builder.resetpass().addPassword("p@ss:w/rd"));
        assertEquals(0, CliRun.of("snapshot", "--redis", aliceUri(":p%40ss%3Aw%2Frd@")).exitCode());
        assertEquals(0, CliRun.withEnv(Map.of("MT5_REDIS_PASSWORD", "p@ss:w/rd"), "snapshot", "--redis", aliceUri("")).exitCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://ops:s3cret@", "redis://ops:s3cret@host:port/0", "redis://ops:s3cret",
        "redis://:pa#s3cret@127.0.0.1:6379/0", "http://ops:s3cret@127.0.0.1:6379", "ops:s3cret@127.0.0.1:6379",
        "redis://ops:s3cret@127.0.0.1:6379/0?password=s3cret&x=%zz", "redis://ops:s3cret@127.0.0.1:99999/0"})
    void aUriThatDoesNotParseIsReportedWithoutItsPassword(String uri) {
        CliRun run = CliRun.of("snapshot", "--redis", uri);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().startsWith("error: not a Redis URI"), run.err());
        assertFalse(run.err().contains("s3cret"), run.err());
        assertEquals("", run.out());
    }
}
