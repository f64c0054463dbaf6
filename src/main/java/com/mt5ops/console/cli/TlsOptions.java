package com.mt5ops.console.cli;

import com.mt5ops.console.redis.TlsSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * `--cacert`, `--cert`, `--key`: TLS like `redis-cli`, on every command that takes `--redis` and on `gui`. Read and
 * checked when the command starts (a file that is missing or not PEM is a usage error, exit 2).
 */
public final class TlsOptions {
    @Option(names = "--cacert", paramLabel = "FILE", description = "PEM CA certificate(s) to trust for rediss:// "
            + "(only these; default: the JVM's trusted CAs)")
    Path caCert;

    @Option(names = "--cert", paramLabel = "FILE", description = "PEM client certificate, for servers that require one (with --key)")
    Path cert;

    @Option(names = "--key", paramLabel = "FILE", description = "PEM private key of --cert (PKCS#8, PKCS#1 or EC; unencrypted)")
    Path key;

    public TlsSettings settings() {
        return caCert == null && cert == null && key == null ? TlsSettings.JVM_DEFAULT : TlsSettings.load(caCert, cert, key);
    }
}
