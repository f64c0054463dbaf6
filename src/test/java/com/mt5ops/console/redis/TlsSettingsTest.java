package com.mt5ops.console.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mt5ops.console.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PEM files `redis-cli` takes, in each form openssl writes them, read into the settings every connection uses. */
class TlsSettingsTest {
    @TempDir
    static Path dir;
    static TestCertificates certs;

    @BeforeAll
    static void make() throws Exception {
        certs = TestCertificates.create(dir);
        certs.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "rsa.key", "-out", "rsa.pem", "-days", "1",
                "-subj", "/CN=rsa client");
        certs.openssl("pkey", "-in", "rsa.key", "-traditional", "-out", "rsa-pkcs1.key");
        certs.openssl("pkey", "-in", "client.key", "-traditional", "-out", "client-sec1.key");
        certs.openssl("pkey", "-in", "client.key", "-aes256", "-passout", "pass:secret", "-out", "client-encrypted.key");
        certs.openssl("pkey", "-in", "rsa.key", "-traditional", "-aes256", "-passout", "pass:secret", "-out", "rsa-encrypted.key");
    }

    @Test
    void readsPkcs8Pkcs1AndEcKeysAsOpensslWritesThem() throws Exception {
        assertTrue(Files.readString(dir.resolve("rsa-pkcs1.key")).contains("BEGIN RSA PRIVATE KEY"));
        assertTrue(Files.readString(dir.resolve("client-sec1.key")).contains("BEGIN EC PRIVATE KEY"));
        for (String[] pair : new String[][] {{"rsa.pem", "rsa.key"}, {"rsa.pem", "rsa-pkcs1.key"}, {"client.pem", "client.key"},
            {"client.pem", "client-sec1.key"}}) {
            TlsSettings tls = TlsSettings.load(null, dir.resolve(pair[0]), dir.resolve(pair[1]));
            assertTrue(tls.hasClientCertificate(), pair[1]);
            tls.sslContext(); // builds
        }
    }

    @Test
    void aCaBundleWithSeveralCertificatesTrustsEachOfThem() throws Exception {
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, "# two CAs\n" + Files.readString(certs.otherCa()) + "\n" + Files.readString(certs.ca()));
        assertEquals(2, TlsSettings.load(bundle, null, null).trustedCas().size());
    }

    @Test
    void anEncryptedKeyIsRefusedWithAWayOut() {
        for (String key : new String[] {"client-encrypted.key", "rsa-encrypted.key"}) {
            RedisAccessException e = assertThrows(RedisAccessException.class,
                    () -> TlsSettings.load(null, dir.resolve(key.startsWith("rsa") ? "rsa.pem" : "client.pem"), dir.resolve(key)));
            assertEquals(RedisAccessException.Reason.BAD_URI, e.reason());
            assertTrue(e.getMessage().contains("the key is encrypted"), e.getMessage());
        }
    }

    @Test
    void aKeyOfAnotherKindThanTheCertificateIsNotItsKey() {
        RedisAccessException e = assertThrows(RedisAccessException.class,
                () -> TlsSettings.load(null, dir.resolve("client.pem"), dir.resolve("rsa.key")));
        assertTrue(e.getMessage().contains("is not the private key of the certificate"), e.getMessage());
    }
}
