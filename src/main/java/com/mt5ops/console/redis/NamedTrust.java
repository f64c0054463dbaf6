package com.mt5ops.console.redis;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's trust check (chain and host name, both always on) with one change: a certificate for another host fails
 * with a {@link HostMismatch} that names the certificate's hosts and the host asked for, instead of the JDK's wording.
 */
final class NamedTrust extends X509ExtendedTrustManager {
    /** The server's certificate is valid, but for other host names. */
    static final class HostMismatch extends CertificateException {
        HostMismatch(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final X509ExtendedTrustManager delegate;

    NamedTrust(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        SSLSession session = socket instanceof SSLSocket s ? s.getHandshakeSession() : null;
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw named(e, chain, session == null ? null : session.getPeerHost());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw named(e, chain, engine == null ? null : engine.getPeerHost());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    /** The JDK's host name checker says "No subject alternative … matching …" or "No name matching … found". */
    private static CertificateException named(CertificateException e, X509Certificate[] chain, String host) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        boolean mismatch = m.startsWith("No subject alternative") || m.startsWith("No name matching");
        if (!mismatch || chain == null || chain.length == 0) {
            return e;
        }
        return new HostMismatch("the certificate is for " + String.join(", ", hostsOf(chain[0])) + ", not for host "
                + (host == null ? "?" : host), e);
    }

    /** The DNS names and IP addresses the certificate is for, else its subject's CN. */
    static List<String> hostsOf(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            if (cert.getSubjectAlternativeNames() != null) {
                for (List<?> san : cert.getSubjectAlternativeNames()) {
                    int type = (Integer) san.get(0);
                    if (type == 2 || type == 7) { // dNSName, iPAddress
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException ignored) {
            // fall back to the subject
        }
        if (names.isEmpty()) {
            String dn = cert.getSubjectX500Principal().getName();
            for (String part : dn.split(",")) {
                if (part.trim().startsWith("CN=")) {
                    names.add(part.trim().substring(3));
                }
            }
        }
        return names.isEmpty() ? List.of("(no host name)") : names;
    }
}
