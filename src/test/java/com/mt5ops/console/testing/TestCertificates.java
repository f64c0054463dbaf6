package com.mt5ops.console.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made for a test with the openssl command line, into a folder: a CA, a server certificate it signed for
 * localhost and 127.0.0.1, a client certificate it signed, one for "otherhost" only, and a second, unrelated CA.
 * EC keys (fast to make), PEM as openssl 3 writes them (keys PKCS#8).
 */
public record TestCertificates(Path dir) {

    public static TestCertificates create(Path dir) throws IOException, InterruptedException {
        TestCertificates c = new TestCertificates(dir);
        c.ca("ca");
        c.ca("other-ca");
        c.signed("server", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        c.signed("client", "console-client", "extendedKeyUsage=clientAuth");
        c.signed("otherhost", "otherhost", "subjectAltName=DNS:otherhost");
        return c;
    }

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    /** A CA that signed none of the other certificates. */
    public Path otherCa() {
        return dir.resolve("other-ca.pem");
    }

    public Path serverCert() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    public Path clientCert() {
        return dir.resolve("client.pem");
    }

    public Path clientKey() {
        return dir.resolve("client.key");
    }

    /** Signed by {@link #ca()}, for the host name "otherhost" only. */
    public Path otherHostCert() {
        return dir.resolve("otherhost.pem");
    }

    public Path otherHostKey() {
        return dir.resolve("otherhost.key");
    }

    /** Runs openssl with {@code args} in the folder; fails with its output when it does not exit 0. */
    public void openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed: " + output);
        }
    }

    private void ca(String name) throws IOException, InterruptedException {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".pem", "-days", "2", "-subj", "/CN=" + name + " test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    private void signed(String name, String cn, String extension) throws IOException, InterruptedException {
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + cn);
        Files.writeString(dir.resolve(name + ".ext"), extension + "\n");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
    }
}
