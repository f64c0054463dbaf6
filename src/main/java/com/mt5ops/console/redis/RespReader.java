package com.mt5ops.console.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parses RESP2 replies from a stream with bounds a hostile or broken server cannot push past: values over a limit
 * are refused, memory grows only as bytes arrive (never by what a header declares), and nesting is followed with
 * an explicit stack, so no reply can exhaust the heap by a header alone or the thread's stack.
 */
final class RespReader {
    /** The largest bulk string taken: 64 MiB (Redis itself caps a string at 512 MB by default). */
    static final int MAX_BULK_BYTES = 64 << 20;
    /** The most elements one array may declare: ten million (an HGETALL of a five-million-field hash). */
    static final int MAX_ARRAY_LENGTH = 10_000_000;
    /** The deepest nesting taken; the console's own replies nest three levels. */
    static final int MAX_DEPTH = 64;
    /** The longest status, error or number line. */
    static final int MAX_LINE = 64 << 10;
    /** The first allocation for a value and the most an array's declared length reserves before its elements come. */
    private static final int CHUNK = 1 << 16;

    /** An error reply from the server. */
    static final class ErrorReply extends IOException {
        ErrorReply(String message) {
            super(message, null);
        }
    }

    /** A reply the console will not take: over a limit, or not RESP. The connection cannot be used after it. */
    static final class BadReply extends IOException {
        BadReply(String message) {
            super(message, null);
        }
    }

    /** An array being filled: the elements so far and how many it declared. */
    private record Frame(List<Object> items, int length) {
    }

    private final InputStream in;
    private final byte[] buf = new byte[CHUNK];
    private int pos;
    private int limit;

    RespReader(InputStream in) {
        this.in = in;
    }

    /** The next reply: String (simple or bulk, null for nil), Long, List for arrays; errors throw. */
    Object read() throws IOException {
        ArrayDeque<Frame> open = new ArrayDeque<>();
        while (true) {
            Object value;
            int type = next();
            switch (type) {
                case '+' -> value = line();
                case '-' -> throw new ErrorReply(line());
                case ':' -> value = number(line(), "integer");
                case '$' -> value = bulk();
                case '*' -> {
                    long n = length(line(), MAX_ARRAY_LENGTH, "an array of %,d elements", "elements");
                    if (n > 0) {
                        if (open.size() >= MAX_DEPTH) {
                            throw new BadReply("a reply nested deeper than " + MAX_DEPTH + " levels");
                        }
                        // reserve little: a header alone must not cost memory, the elements pay as they arrive
                        open.push(new Frame(new ArrayList<>((int) Math.min(n, CHUNK)), (int) n));
                        continue;
                    }
                    value = n < 0 ? null : new ArrayList<>(0);
                }
                case -1 -> throw new IOException("connection closed by the server");
                default -> throw new BadReply("not a RESP reply (starts with byte " + type + ")");
            }
            // hand the value to the arrays it completes, innermost first
            while (!open.isEmpty()) {
                Frame top = open.peek();
                top.items().add(value);
                if (top.items().size() < top.length()) {
                    break;
                }
                open.pop();
                value = top.items();
            }
            if (open.isEmpty()) {
                return value;
            }
        }
    }

    private String bulk() throws IOException {
        long n = length(line(), MAX_BULK_BYTES, "a bulk string of %,d bytes", "bytes");
        if (n < 0) {
            return null;
        }
        String value = text((int) n);
        if (next() != '\r' || next() != '\n') {
            throw new BadReply("a bulk string not followed by CRLF");
        }
        return value;
    }

    /** A declared length: -1 (nil), or 0..max; anything else is refused before a byte of it is read. */
    private static long length(String line, long max, String what, String unit) throws BadReply {
        long n = number(line, "length");
        if (n < -1) {
            throw new BadReply("a negative length (" + n + ")");
        }
        if (n > max) {
            throw new BadReply(String.format(Locale.ROOT, what + " is over the limit of %,d " + unit, n, max));
        }
        return n;
    }

    private static long number(String line, String what) throws BadReply {
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            String shown = line.length() > 20 ? line.substring(0, 20) + "…" : line;
            throw new BadReply("a malformed " + what + " '" + shown + "'");
        }
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
        return new String(bytes(n), 0, n, StandardCharsets.UTF_8);
    }

    /** Reads n bytes into an array that doubles as they arrive: a declared length alone allocates at most a chunk. */
    private byte[] bytes(int n) throws IOException {
        byte[] out = new byte[Math.min(n, CHUNK)];
        int copied = 0;
        while (copied < n) {
            if (pos == limit && !fill()) {
                throw new IOException("connection closed by the server");
            }
            if (copied == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(n, 2L * out.length));
            }
            int take = Math.min(Math.min(n - copied, limit - pos), out.length - copied);
            System.arraycopy(buf, pos, out, copied, take);
            pos += take;
            copied += take;
        }
        return out;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(16);
        int c;
        while ((c = next()) != '\r') {
            if (c == -1) {
                throw new IOException("connection closed by the server");
            }
            if (sb.length() >= MAX_LINE) {
                throw new BadReply("a reply line longer than " + MAX_LINE + " bytes");
            }
            sb.append((char) c);
        }
        next();
        return sb.toString();
    }
}
