package com.mt5ops.console.redis;

import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;

/**
 * The one place that words a failed connection, for the plain RESP reads and the Lettuce clients alike, so the CLI and
 * the window say the same: when TLS is why (a CA not trusted, a certificate for another host, a client certificate
 * required or refused, TLS on one side only, a handshake never answered) one line that says so and what to change;
 * otherwise {@link RedisAccessException#from}. TLS on one side only is confirmed by a short probe of the port.
 */
public final class TlsFailures {
    static final String UNKNOWN_CA = "the server's certificate is not signed by a CA you trust (--cacert)";
    static final String EXPIRED = "the server's certificate has expired or is not valid yet";
    static final String CLIENT_CERT_REQUIRED = "the server requires a client certificate (--cert/--key)";
    static final String CLIENT_CERT_REFUSED = "the server does not accept your client certificate (--cert/--key)";
    private static final int PROBE_MS = 1_000;
    /** TLS alerts by which a server refuses the client certificate it was given. */
    private static final Pattern REFUSAL = Pattern.compile(
            "unknown_ca|bad_certificate|certificate_unknown|unsupported_certificate|certificate_revoked|certificate_expired");
    private static final Pattern OWN_TIMEOUT = Pattern.compile("no TLS handshake within \\d+ s");

    private TlsFailures() {
    }

    /** {@code failure} (while connecting to {@code endpoint}) as the one line to show; exit code 5 material. */
    public static RedisAccessException classify(RedisEndpoint endpoint, Throwable failure) {
        if (failure instanceof RedisAccessException done) {
            return done;
        }
        String why = explain(endpoint, failure);
        return why == null ? RedisAccessException.from(endpoint.display(), failure)
                : new RedisAccessException(RedisAccessException.Reason.UNREACHABLE, "cannot connect to " + endpoint.display()
                        + ": " + why, failure);
    }

    /** The TLS reason for {@code failure}, or null when TLS is not why. */
    static String explain(RedisEndpoint endpoint, Throwable failure) {
        String text = messages(failure);
        if (RedisAccessException.isDenial(text) || text.contains("WRONGPASS") || text.contains("NOAUTH")) {
            return null;
        }
        NamedTrust.HostMismatch mismatch = find(failure, NamedTrust.HostMismatch.class);
        if (mismatch != null) {
            return mismatch.getMessage();
        }
        if (find(failure, CertificateExpiredException.class) != null || find(failure, CertificateNotYetValidException.class) != null
                || text.contains("validity check failed")) {
            return EXPIRED;
        }
        if (find(failure, CertPathBuilderException.class) != null || find(failure, CertPathValidatorException.class) != null
                || text.contains("PKIX path") || text.contains("unable to find valid certification path")) {
            return UNKNOWN_CA;
        }
        boolean withCert = endpoint.tls().hasClientCertificate();
        String clientCert = clientCertProblem(text, withCert);
        if (clientCert != null) {
            return clientCert;
        }
        RedisURI uri = endpoint.uri();
        if (!RespConnection.reaches(uri)) {
            return null; // Sentinel and sockets are not probed
        }
        String hostPort = uri.getHost() + ":" + uri.getPort();
        if (!uri.isSsl()) {
            return droppedPlainResp(text) && tlsAnswer(uri.getHost(), uri.getPort(), endpoint.tls()) != null
                    ? hostPort + " speaks TLS; use rediss://" : null;
        }
        if (handshakeTimedOut(text) || notTls(text)) {
            if (answersPlainResp(uri.getHost(), uri.getPort())) {
                return "no TLS on " + hostPort + "; use redis://";
            }
            if (!handshakeTimedOut(text)) {
                return null;
            }
            // RespConnection says it with its own timeout; Lettuce's (Netty's) words are reworded alike
            Matcher own = OWN_TIMEOUT.matcher(text);
            return own.find() ? own.group() : "no TLS handshake within " + TlsSettings.HANDSHAKE_TIMEOUT.toSeconds() + " s";
        }
        if (droppedPlainResp(text)) {
            // Hung up after the handshake: TLS 1.3 refuses a client certificate only then, and the alert saying so
            // may be lost to the reset our first command caused. A quiet handshake hears it.
            String answer = tlsAnswer(uri.getHost(), uri.getPort(), endpoint.tls());
            return answer == null ? null : clientCertProblem(answer, withCert);
        }
        return null;
    }

    private static String clientCertProblem(String text, boolean withCert) {
        if (text.contains("certificate_required")) {
            return withCert ? CLIENT_CERT_REFUSED : CLIENT_CERT_REQUIRED;
        }
        return withCert && REFUSAL.matcher(text).find() ? CLIENT_CERT_REFUSED : null;
    }

    /** Netty's SslHandshakeTimeoutException, or {@link RespConnection}'s handshake timeout. */
    private static boolean handshakeTimedOut(String text) {
        return text.contains("SslHandshakeTimeoutException") || text.contains("handshake timed out")
                || text.contains("no TLS handshake within");
    }

    /** The server answered the ClientHello with something that is not TLS, or closed without a word. */
    private static boolean notTls(String text) {
        return text.contains("NotSslRecordException") || text.contains("not an SSL/TLS record")
                || text.contains("Unsupported or unrecognized SSL message") || text.contains("Remote host terminated the handshake");
    }

    /** What a TLS port does to plain RESP: resets, closes, or answers with an alert record (0x15 0x03 …). */
    private static boolean droppedPlainResp(String text) {
        return text.contains("Connection reset") || text.contains("closed prematurely") || text.contains("connection closed by the server")
                || text.contains("Connection closed") || text.contains("unexpected reply type") || text.contains("Invalid first byte");
    }

    /** True when the port answers an inline PING with a RESP reply (a PONG, or an error such as NOAUTH). */
    static boolean answersPlainResp(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), PROBE_MS);
            s.setSoTimeout(PROBE_MS);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            int first = s.getInputStream().read();
            return first == '+' || first == '-';
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Completes a TLS handshake with the port and waits briefly for the server's first word without sending any: null
     * when the port does not speak TLS; else what went wrong (a certificate, an alert), or "" for nothing.
     */
    static String tlsAnswer(String host, int port, TlsSettings tls) {
        try (SSLSocket s = (SSLSocket) tls.sslContext().getSocketFactory().createSocket()) {
            s.connect(new InetSocketAddress(host, port), PROBE_MS);
            s.setSoTimeout(PROBE_MS);
            s.startHandshake();
            try {
                s.getInputStream().read();
            } catch (java.net.SocketTimeoutException quiet) {
                // nothing to say: the server keeps the connection
            }
            return "";
        } catch (IOException e) {
            String text = messages(e);
            return find(e, CertificateException.class) != null || text.contains("alert") ? text : null;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Every message and exception class name in the cause chain, for matching. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
            for (Throwable s : t.getSuppressed()) {
                all.append(s.getClass().getSimpleName()).append(": ").append(s.getMessage()).append('\n');
            }
        }
        return all.toString();
    }
}
