package com.mt5ops.console.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback server that is not Redis: it reads each command a client sends and writes the bytes {@code script}
 * gives for it (nothing: no answer); connections stay open until the server closes. {@link #silent()} accepts
 * and never answers.
 */
public final class FakeServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Function<List<String>, byte[]> script;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private FakeServer(Function<List<String>, byte[]> script) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = new Thread(this::acceptAll, "fake-server");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** Answers each command (its name and arguments) with the bytes {@code script} returns for it. */
    public static FakeServer answering(Function<List<String>, byte[]> script) throws IOException {
        return new FakeServer(script);
    }

    /** Accepts connections and never sends a byte. */
    public static FakeServer silent() throws IOException {
        return new FakeServer(command -> new byte[0]);
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                accepted.add(s);
                Thread t = new Thread(() -> serve(s), "fake-server-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream());
            try {
                while (true) {
                    List<String> command = command(in);
                    if (command == null) {
                        return;
                    }
                    out.write(script.apply(command));
                    out.flush();
                }
            } catch (RuntimeException notResp) {
                // not a command (a TLS ClientHello, say): take the rest in silence until either side closes
                in.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            // the client went away, or the server closed
        }
    }

    /** One command as clients send it (an array of bulk strings); null at the end of the stream. */
    private static List<String> command(InputStream in) throws IOException {
        String header = line(in);
        if (header == null) {
            return null;
        }
        int n = Integer.parseInt(header.substring(1));
        List<String> args = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int len = Integer.parseInt(line(in).substring(1));
            byte[] arg = in.readNBytes(len + 2);
            args.add(new String(arg, 0, len, StandardCharsets.UTF_8));
        }
        return args;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                return null;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
