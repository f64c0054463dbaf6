package com.mt5ops.console.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RESP reader on crafted bytes: ordinary replies, and the limits a hostile server runs into. */
class RespReaderTest {

    private static RespReader reader(String bytes) {
        return new RespReader(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsOrdinaryReplies() throws IOException {
        RespReader r = reader("*4\r\n$3\r\nfoo\r\n:42\r\n*0\r\n*2\r\n$-1\r\n+OK\r\n$5\r\nünï\r\n-ERR no\r\n");
        assertEquals(List.of("foo", 42L, List.of(), Arrays.asList(null, "OK")), r.read());
        assertEquals("ünï", r.read());
        RespReader.ErrorReply error = assertThrows(RespReader.ErrorReply.class, r::read);
        assertEquals("ERR no", error.getMessage());
    }

    @Test
    void aBulkStringOverTheLimitIsRefusedFromItsHeader() {
        RespReader.BadReply bad = assertThrows(RespReader.BadReply.class, () -> reader("$2000000000\r\n").read());
        assertEquals("a bulk string of 2,000,000,000 bytes is over the limit of 67,108,864 bytes", bad.getMessage());
        assertThrows(RespReader.BadReply.class, () -> reader("$99999999999999\r\n").read());
        assertThrows(RespReader.BadReply.class, () -> reader("$-7\r\n").read());
        assertThrows(RespReader.BadReply.class, () -> reader("$12abc\r\n").read());
    }

    @Test
    void anArrayOverTheLimitIsRefusedFromItsHeader() {
        RespReader.BadReply bad = assertThrows(RespReader.BadReply.class, () -> reader("*2000000000\r\n").read());
        assertEquals("an array of 2,000,000,000 elements is over the limit of 10,000,000 elements", bad.getMessage());
    }

    @Test
    void deepNestingIsRefusedWithoutRecursion() throws IOException {
        RespReader.BadReply bad = assertThrows(RespReader.BadReply.class, () -> reader("*1\r\n".repeat(1_000_000) + ":1\r\n").read());
        assertEquals("a reply nested deeper than 64 levels", bad.getMessage());
        Object nested = reader("*1\r\n".repeat(RespReader.MAX_DEPTH) + ":1\r\n").read();
        for (int level = 0; level < RespReader.MAX_DEPTH; level++) {
            nested = ((List<?>) nested).get(0);
        }
        assertEquals(1L, nested);
    }

    @Test
    void aLineWithoutEndIsRefused() {
        assertThrows(RespReader.BadReply.class, () -> reader("+" + "x".repeat(RespReader.MAX_LINE + 10)).read());
    }

    @Test
    void aDeclaredLengthAloneAllocatesNothingAhead() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        IOException closed = assertThrows(IOException.class, () -> reader("$60000000\r\nonly a few bytes").read());
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals("connection closed by the server", closed.getMessage());
        assertTrue(allocated < 4_000_000, "a 60 MB header with 15 bytes behind it allocated " + allocated + " bytes");
    }

    @Test
    void aLargeValueArrivingInSmallPiecesIsReadWhole() throws IOException {
        byte[] value = new byte[5_000_000];
        for (int k = 0; k < value.length; k++) {
            value[k] = (byte) ('a' + k % 26);
        }
        byte[] header = ("*2\r\n$" + value.length + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n$2\r\nok\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + value.length + tail.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(value, 0, all, header.length, value.length);
        System.arraycopy(tail, 0, all, header.length + value.length, tail.length);
        InputStream trickle = new ByteArrayInputStream(all) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1000)); // as a slow network delivers it
            }
        };
        List<?> reply = (List<?>) new RespReader(trickle).read();
        assertEquals(new String(value, StandardCharsets.US_ASCII), reply.get(0));
        assertEquals("ok", reply.get(1));
    }

    @Test
    void nilAndEmptyArraysStayDistinct() throws IOException {
        RespReader r = reader("*-1\r\n*0\r\n");
        assertNull(r.read());
        assertEquals(List.of(), r.read());
    }
}
