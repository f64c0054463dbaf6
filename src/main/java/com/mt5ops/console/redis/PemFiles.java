package com.mt5ops.console.redis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files `redis-cli` takes: certificates (one or more), and a private key as openssl writes it — PKCS#8
 * ({@code BEGIN PRIVATE KEY}), PKCS#1 RSA or SEC1 EC. Every failure is one sentence naming the file, never its content.
 */
final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d,
        0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    /** A file that cannot be used as given; the message is one line for the operator. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    private record Block(String label, String headers, byte[] der) {
    }

    private PemFiles() {
    }

    static List<X509Certificate> certificates(Path file, String option) throws Unusable {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block b : blocks(file, option)) {
                if (b.label().equals("CERTIFICATE") || b.label().equals("TRUSTED CERTIFICATE")) {
                    certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der())));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new Unusable(option + " " + file + ": not a valid certificate (" + e.getMessage() + ")");
        }
        if (certs.isEmpty()) {
            throw new Unusable(option + " " + file + ": no PEM certificate in it (-----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(certs);
    }

    static PrivateKey privateKey(Path file, String option) throws Unusable {
        for (Block b : blocks(file, option)) {
            if (b.label().equals("ENCRYPTED PRIVATE KEY") || b.headers().contains("ENCRYPTED")) {
                throw new Unusable(option + " " + file + ": the key is encrypted; give an unencrypted one "
                        + "(openssl pkey -in KEY -out KEY.plain)");
            }
            switch (b.label()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(b.der(), file, option);
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(sequence(concat(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM, tlv(0x04, b.der()))), file, option);
                }
                case "EC PRIVATE KEY" -> {
                    byte[] algorithm = tlv(0x30, concat(EC_PUBLIC_KEY_OID, curveOf(b.der(), file, option)));
                    return pkcs8(sequence(concat(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, b.der()))), file, option);
                }
                default -> {
                    // EC PARAMETERS and the like come before the key in some files
                }
            }
        }
        throw new Unusable(option + " " + file + ": no PEM private key in it (-----BEGIN PRIVATE KEY-----)");
    }

    private static List<Block> blocks(Path file, String option) throws Unusable {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        } catch (NoSuchFileException e) {
            throw new Unusable(option + " " + file + ": no such file");
        } catch (IOException e) {
            throw new Unusable(option + " " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String body = m.group(2);
            int blank = body.indexOf("\n\n"); // RFC 1421 headers (Proc-Type, DEK-Info) end with an empty line
            String headers = body.contains(":") && blank >= 0 ? body.substring(0, blank) : "";
            String base64 = (headers.isEmpty() ? body : body.substring(blank)).replaceAll("\\s", "");
            try {
                out.add(new Block(m.group(1), headers, Base64.getDecoder().decode(base64)));
            } catch (IllegalArgumentException e) {
                throw new Unusable(option + " " + file + ": the " + m.group(1) + " block is not valid base64");
            }
        }
        if (out.isEmpty()) {
            throw new Unusable(option + " " + file + ": not a PEM file (no -----BEGIN ...----- block)");
        }
        return out;
    }

    private static PrivateKey pkcs8(byte[] der, Path file, String option) throws Unusable {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException notThisOne) {
                // the next algorithm
            }
        }
        throw new Unusable(option + " " + file + ": not an RSA, EC or EdDSA private key this console can read");
    }

    /** The named-curve OID (a whole TLV) in a SEC1 ECPrivateKey's [0] parameters. */
    private static byte[] curveOf(byte[] sec1, Path file, String option) throws Unusable {
        try {
            int[] outer = header(sec1, 0);
            for (int at = outer[0]; at < outer[0] + outer[1]; ) {
                int[] h = header(sec1, at);
                if ((sec1[at] & 0xff) == 0xa0) {
                    return java.util.Arrays.copyOfRange(sec1, h[0], h[0] + h[1]);
                }
                at = h[0] + h[1];
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            // falls through: not DER
        }
        throw new Unusable(option + " " + file + ": an EC key without its named curve (write it with openssl pkey)");
    }

    /** {content offset, content length} of the DER element starting at {@code at}. */
    private static int[] header(byte[] der, int at) {
        int len = der[at + 1] & 0xff;
        int offset = at + 2;
        if (len > 0x80) {
            int n = len & 0x7f;
            len = 0;
            for (int k = 0; k < n; k++) {
                len = (len << 8) | (der[offset++] & 0xff);
            }
        }
        return new int[] {offset, len};
    }

    private static byte[] sequence(byte[] content) {
        return tlv(0x30, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
            out.write(0x80 | bytes);
            for (int k = bytes - 1; k >= 0; k--) {
                out.write(n >>> (8 * k));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
