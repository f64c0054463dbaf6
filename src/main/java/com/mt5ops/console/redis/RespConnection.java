package com.mt5ops.console.redis;

import io.lettuce.core.RedisURI;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
    /** An error reply from the server. */
    static final class ErrorReply extends IOException {
        ErrorReply(String message) {
            super(message, null);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private final OutputStream out;

    /** True when plain RESP can reach this endpoint: a host, not Sentinel or a Unix socket (those need the client). */
    static boolean reaches(RedisURI uri) {
        return (uri.getSentinels() == null || uri.getSentinels().isEmpty()) && uri.getSocket() == null && uri.getHost() != null;
    }

    /** Connects to {@code uri}'s host and authenticates with its credentials, if any. */
    static RespConnection open(RedisURI uri) throws IOException {
        RespConnection c = new RespConnection(uri.getHost(), uri.getPort(), uri.isSsl(), 5000);
        try {
            var credentials = uri.getCredentialsProvider() == null ? null : uri.getCredentialsProvider().resolveCredentials().block();
            if (credentials != null && credentials.hasPassword()) {
                String password = new String(credentials.getPassword());
                if (credentials.hasUsername()) {
                    c.call("AUTH", credentials.getUsername(), password);
                } else {
                    c.call("AUTH", password);
                }
            }
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    RespConnection(String host, int port, boolean tls, int timeoutMs) throws IOException {
        Socket s;
        if (tls) {
            SSLSocket ssl = (SSLSocket) SSLSocketFactory.getDefault().createSocket();
            ssl.connect(new InetSocketAddress(host, port), timeoutMs);
            SSLParameters params = ssl.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(params);
            ssl.startHandshake();
            s = ssl;
        } else {
            s = new Socket();
            s.connect(new InetSocketAddress(host, port), timeoutMs);
        }
        s.setTcpNoDelay(true);
        s.setSoTimeout(20_000);
        this.socket = s;
        this.in = s.getInputStream();
        this.out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
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

    private boolean fill() throws IOException {
        limit = in.read(buf, 0, buf.length);
        pos = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
    }

    private int next() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    /** Decodes n bytes as UTF-8, straight from the buffer when they are there (the common case). */
    private String text(int n) throws IOException {
        if (limit - pos >= n) {
            boolean ascii = true;
            for (int k = pos; k < pos + n; k++) {
                if (buf[k] < 0) {
                    ascii = false;
                    break;
                }
            }
            String s = new String(buf, pos, n, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            pos += n;
            return s;
        }
        return new String(bytes(n), StandardCharsets.UTF_8);
    }

    private byte[] bytes(int n) throws IOException {
        byte[] out = new byte[n];
        int copied = 0;
        while (copied < n) {
            if (pos == limit && !fill()) {
                throw new IOException("connection closed by the server");
            }
            int take = Math.min(n - copied, limit - pos);
            System.arraycopy(buf, pos, out, copied, take);
            pos += take;
            copied += take;
        }
        return out;
    }

    /** The next reply: String (simple or bulk, null for nil), Long, List for arrays; errors throw. */
    Object read() throws IOException {
        int type = next();
        switch (type) {
            case '+':
                return line();
            case '-':
                throw new ErrorReply(line());
            case ':':
                return Long.parseLong(line());
            case '$': {
                int n = Integer.parseInt(line());
                if (n < 0) {
                    return null;
                }
                String value = text(n);
                next();
                next();
                return value;
            }
            case '*': {
                int n = Integer.parseInt(line());
                if (n < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    items.add(read());
                }
                return items;
            }
            case -1:
                throw new IOException("connection closed by the server");
            default:
                throw new IOException("unexpected reply type '" + (char) type + "'");
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(16);
        int c;
        while ((c = next()) != '\r') {
            if (c == -1) {
                throw new IOException("connection closed by the server");
            }
            sb.append((char) c);
        }
        next();
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
