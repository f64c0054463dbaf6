package com.mt5ops.console.redis;

import io.lettuce.core.SslOptions;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How every connection to a {@code rediss://} endpoint speaks TLS, like `redis-cli`: the CAs to trust ({@code --cacert};
 * the JVM's when none is given), the client certificate and key ({@code --cert}/{@code --key}) if any. Host names are
 * always verified and the handshake is bounded. Read and checked once at start; carried by {@link RedisEndpoint}, so
 * the plain RESP reads, the live client and the write client all get it from one place.
 */
public record TlsSettings(List<X509Certificate> trustedCas, List<X509Certificate> clientChain, PrivateKey clientKey) {
    /** The longest a TLS handshake may take before the connection counts as failed. */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(4);
    /** No files given: the JVM's trusted CAs, no client certificate. */
    public static final TlsSettings JVM_DEFAULT = new TlsSettings(List.of(), List.of(), null);
    private static final char[] IN_MEMORY = new char[0];

    public TlsSettings {
        trustedCas = List.copyOf(trustedCas);
        clientChain = List.copyOf(clientChain);
    }

    /**
     * Reads and checks the PEM files (any may be null). A file that is missing, unreadable or not PEM, a certificate
     * without its key (or the reverse), or a key that does not belong to the certificate throws a BAD_URI
     * {@link RedisAccessException} with one line naming the option and the file.
     */
    public static TlsSettings load(Path caCert, Path cert, Path key) {
        if ((cert == null) != (key == null)) {
            throw unusable(cert == null ? "--key needs --cert (the client certificate it belongs to)"
                    : "--cert needs --key (the certificate's private key)");
        }
        try {
            List<X509Certificate> cas = caCert == null ? List.of() : PemFiles.certificates(caCert, "--cacert");
            if (cert == null) {
                return new TlsSettings(cas, List.of(), null);
            }
            List<X509Certificate> chain = PemFiles.certificates(cert, "--cert");
            PrivateKey privateKey = PemFiles.privateKey(key, "--key");
            if (!belongTogether(privateKey, chain.get(0))) {
                throw unusable("--key " + key + " is not the private key of the certificate in --cert " + cert);
            }
            return new TlsSettings(cas, chain, privateKey);
        } catch (PemFiles.Unusable e) {
            throw unusable(e.getMessage());
        }
    }

    public boolean isJvmDefault() {
        return trustedCas.isEmpty() && clientKey == null;
    }

    public boolean hasClientCertificate() {
        return clientKey != null;
    }

    /** For plain sockets: trusts only {@code trustedCas} when given (else the JVM's), presents the client certificate. */
    public SSLContext sslContext() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(clientKey == null ? null : keyManagers().getKeyManagers(), new TrustManager[] {trustManager()}, null);
        return context;
    }

    /** For Lettuce: the same trust and client certificate, the JDK's TLS, and the handshake bounded. */
    public SslOptions sslOptions() {
        return SslOptions.builder().jdkSslProvider().handshakeTimeout(HANDSHAKE_TIMEOUT).sslContext(builder -> {
            try {
                builder.trustManager(trustManager());
                if (clientKey != null) {
                    builder.keyManager(keyManagers());
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
            }
        }).build();
    }

    private X509ExtendedTrustManager trustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (trustedCas.isEmpty()) {
            factory.init((KeyStore) null);
        } else {
            KeyStore store = emptyStore();
            for (int i = 0; i < trustedCas.size(); i++) {
                store.setCertificateEntry("ca-" + i, trustedCas.get(i));
            }
            factory.init(store);
        }
        for (TrustManager m : factory.getTrustManagers()) {
            if (m instanceof X509ExtendedTrustManager x) {
                return new NamedTrust(x);
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager in this JVM");
    }

    private KeyManagerFactory keyManagers() throws GeneralSecurityException {
        KeyStore store = emptyStore();
        store.setKeyEntry("client", clientKey, IN_MEMORY, clientChain.toArray(new X509Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, IN_MEMORY);
        return factory;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }

    /** Signs with the key and verifies with the certificate: true when they are a pair. */
    private static boolean belongTogether(PrivateKey key, X509Certificate cert) {
        if (!key.getAlgorithm().equals(cert.getPublicKey().getAlgorithm())) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448
        };
        try {
            byte[] probe = "mt5-console key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return true; // a kind of key this check cannot sign with (RSASSA-PSS): the handshake will tell
        }
    }

    private static RedisAccessException unusable(String message) {
        return new RedisAccessException(RedisAccessException.Reason.BAD_URI, message, null);
    }

    @Override
    public String toString() {
        return "TlsSettings[" + (trustedCas.isEmpty() ? "JVM CAs" : trustedCas.size() + " CA(s)")
                + (clientKey == null ? "" : ", client certificate") + "]";
    }
}
