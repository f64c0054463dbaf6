package com.mt5ops.console.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** Redis's MONITOR over a plain socket: every command the server executes, as its log line, until closed. */
public final class Monitor implements AutoCloseable {
    private final Socket socket;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    public Monitor(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        OutputStream out = socket.getOutputStream();
        out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        if (!"+OK".equals(in.readLine())) {
            throw new IOException("MONITOR refused");
        }
        Thread reader = new Thread(() -> {
            try {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    lines.add(l);
                }
            } catch (IOException closed) {
                // the test is done with it
            }
        }, "monitor");
        reader.setDaemon(true);
        reader.start();
    }

    /** The commands seen whose name (first quoted word) is one of {@code names}, case-insensitive. */
    public List<String> commands(String... names) {
        return lines.stream().filter(l -> {
            int q = l.indexOf("] \"");
            if (q < 0) {
                return false;
            }
            String rest = l.substring(q + 3);
            String name = rest.substring(0, Math.max(0, rest.indexOf('"'))).toUpperCase(Locale.ROOT);
            for (String n : names) {
                if (name.equals(n.toUpperCase(Locale.ROOT)) || rest.toUpperCase(Locale.ROOT).startsWith(n.toUpperCase(Locale.ROOT) + "\"")) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    public List<String> all() {
        return List.copyOf(lines);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
