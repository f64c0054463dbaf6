package com.mt5ops.console.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks whatever answers on a loopback port whether it is the Redis process this console started: it must take
 * the password given to that process and report that process's id in INFO server. Anything else (another Redis,
 * a server that only says PONG) is foreign and never used.
 */
final class ServerIdentity {
    private static final Pattern PROCESS_ID = Pattern.compile("(?m)^process_id:(\\d+)\\r?$");

    /** What the port answered: nothing yet, the expected process, or something else and why. */
    record Answer(boolean ours, String foreignBecause) {
        static final Answer NOT_YET = new Answer(false, null);

        boolean foreign() {
            return foreignBecause != null;
        }
    }

    private ServerIdentity() {
    }

    /** {@code password} may be null (a server started without one). Never throws: a failed connect is NOT_YET. */
    static Answer ask(int port, String password, long expectedPid) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream());
            if (password != null) {
                send(out, List.of("AUTH", password));
                String reply = line(in);
                if (!reply.equals("+OK")) {
                    return foreign("it does not take the password this console gave its Redis");
                }
            }
            send(out, List.of("INFO", "server"));
            String head = line(in);
            if (!head.startsWith("$")) {
                return foreign("it does not answer INFO server like a Redis started by this console");
            }
            String info = new String(in.readNBytes(Integer.parseInt(head.substring(1))), StandardCharsets.UTF_8);
            Matcher m = PROCESS_ID.matcher(info);
            if (!m.find()) {
                return foreign("it reports no process_id");
            }
            long pid = Long.parseLong(m.group(1));
            return pid == expectedPid ? new Answer(true, null)
                    : foreign("it is process " + pid + ", not the redis-server " + expectedPid + " this console started");
        } catch (IOException | NumberFormatException notYet) {
            return Answer.NOT_YET;
        }
    }

    private static Answer foreign(String why) {
        return new Answer(false, why);
    }

    private static void send(OutputStream out, List<String> args) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("*" + args.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String a : args) {
            byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
            b.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(bytes);
            b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(b.toByteArray());
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new IOException("closed");
            }
            if (c != '\r' && sb.length() < 200) {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
