package com.mt5ops.console.redis;

import io.lettuce.core.RedisURI;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal blocking RESP2 connection for one-shot bulk reads (`snapshot`, the mirror's start-up read) and the
 * mirror's start-up subscription, where Lettuce's start-up alone (Netty, Reactor: about 1.5 s cold, measured)
 * would cost more than the whole read. Commands are
 * written without waiting and replies read in order, so everything written before a read is pipelined.
 */
final class RespConnection implements AutoCloseable {
    /** The TCP connect: with the first answer's 5 s, well within the 10 s in which a command says it cannot connect. */
    static final int CONNECT_TIMEOUT_MS = 3_000;
    /** The TLS handshake and the first answer together, after the connect: a silent endpoint fails within this. */
    static final int FIRST_ANSWER_TIMEOUT_MS = 5_000;
    /** Any later wait for bytes of a reply (a big script reply takes the server a while to compute). */
    private static final int READ_TIMEOUT_MS = 20_000;

    private final Socket socket;
    /** When the TCP connection was made (System.nanoTime). */
    private final long connectedAt;
    private final RespReader reader;
    private final OutputStream out;

    /** True when plain RESP can reach this endpoint: a host, not Sentinel or a Unix socket (those need the client). */
    static boolean reaches(RedisURI uri) {
        return (uri.getSentinels() == null || uri.getSentinels().isEmpty()) && uri.getSocket() == null && uri.getHost() != null;
    }

    /**
     * Connects to {@code uri}'s host and authenticates with its credentials, if any (else a PING), so a server that
     * accepts but never answers fails here, within the connect and first-answer timeouts. For rediss:// over TLS as
     * {@code tls} says (trusted CAs, client certificate).
     */
    static RespConnection open(RedisURI uri, TlsSettings tls) throws IOException {
        RespConnection c = new RespConnection(uri.getHost(), uri.getPort(), uri.isSsl() ? tls : null, CONNECT_TIMEOUT_MS, FIRST_ANSWER_TIMEOUT_MS);
        long deadline = c.connectedAt + TimeUnit.MILLISECONDS.toNanos(FIRST_ANSWER_TIMEOUT_MS);
        try {
            var credentials = uri.getCredentialsProvider() == null ? null : uri.getCredentialsProvider().resolveCredentials().block();
            c.socket.setSoTimeout(remaining(deadline));
            try {
                if (credentials != null && credentials.hasPassword()) {
                    String password = new String(credentials.getPassword());
                    if (credentials.hasUsername()) {
                        c.call("AUTH", credentials.getUsername(), password);
                    } else {
                        c.call("AUTH", password);
                    }
                } else {
                    c.ping();
                }
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("no answer within " + FIRST_ANSWER_TIMEOUT_MS / 1000 + " s");
            }
            c.socket.setSoTimeout(READ_TIMEOUT_MS);
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static int remaining(long deadline) throws SocketTimeoutException {
        long ms = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (ms <= 0) {
            throw new SocketTimeoutException("no answer within " + FIRST_ANSWER_TIMEOUT_MS / 1000 + " s");
        }
        return (int) ms;
    }

    /** Any answer proves the server is there, even a refusal (a user without PING in its ACL). */
    private void ping() throws IOException {
        try {
            call("PING");
        } catch (RespReader.ErrorReply refused) {
            // answered: that is all this asked
        }
    }

    /** {@code tls}: null for plain RESP. */
    RespConnection(String host, int port, TlsSettings tls, int connectTimeoutMs, int handshakeTimeoutMs) throws IOException {
        Socket s = tls != null ? socketFactory(tls).createSocket() : new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            connectedAt = System.nanoTime();
            if (s instanceof SSLSocket ssl) {
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
                // without a read timeout a server that accepts and never answers holds the handshake forever
                ssl.setSoTimeout(handshakeTimeoutMs);
                try {
                    ssl.startHandshake();
                } catch (SocketTimeoutException e) {
                    throw new SocketTimeoutException("no TLS handshake within " + handshakeTimeoutMs / 1000 + " s");
                }
            }
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        s.setTcpNoDelay(true);
        s.setSoTimeout(READ_TIMEOUT_MS);
        this.socket = s;
        this.reader = new RespReader(s.getInputStream());
        this.out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
    }

    private static SSLSocketFactory socketFactory(TlsSettings tls) throws IOException {
        try {
            return tls.sslContext().getSocketFactory();
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** For a subscription: wait for the next message as long as it takes. */
    void waitIndefinitely() throws IOException {
        socket.setSoTimeout(0);
    }

    void write(List<String> args) throws IOException {
        out.write('*');
        out.write(Integer.toString(args.size()).getBytes(StandardCharsets.US_ASCII));
        out.write('\r');
        out.write('\n');
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            out.write('$');
            out.write(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
            out.write('\r');
            out.write('\n');
            out.write(b);
            out.write('\r');
            out.write('\n');
        }
    }

    Object call(String... args) throws IOException {
        write(List.of(args));
        flush();
        return read();
    }

    void flush() throws IOException {
        out.flush();
    }

    /** The next reply: String (simple or bulk, null for nil), Long, List for arrays; errors throw (see {@link RespReader}). */
    Object read() throws IOException {
        return reader.read();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
