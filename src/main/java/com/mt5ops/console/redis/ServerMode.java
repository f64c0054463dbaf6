package com.mt5ops.console.redis;

import java.io.IOException;
import java.util.List;

/**
 * What kind of server an endpoint is: a single Redis (or Sentinel-managed master) or a Redis Cluster node. Asked
 * with HELLO over the plain client (its {@code mode} field; @connection, so no user is denied it); a server before 6
 * does not know HELLO and is a single Redis.
 */
public enum ServerMode {
    STANDALONE, CLUSTER;

    /** Asks {@code endpoint}; Sentinel URIs name masters, which are never cluster nodes. */
    public static ServerMode of(RedisEndpoint endpoint) {
        if (!RespConnection.reaches(endpoint.uri())) {
            return STANDALONE;
        }
        try (RespConnection c = RespConnection.open(endpoint.uri(), endpoint.tls())) {
            return of(c);
        } catch (IOException e) {
            throw TlsFailures.classify(endpoint, e);
        }
    }

    /** Asks over an open plain connection: one node of a cluster holds only its slots' keys, never the fleet. */
    static ServerMode of(RespConnection c) throws IOException {
        try {
            Object reply = c.call("HELLO", "2");
            if (reply instanceof List<?> fields) {
                for (int k = 0; k + 1 < fields.size(); k += 2) {
                    if ("mode".equals(String.valueOf(fields.get(k)))) {
                        return "cluster".equals(String.valueOf(fields.get(k + 1))) ? CLUSTER : STANDALONE;
                    }
                }
            }
            return STANDALONE;
        } catch (RespReader.ErrorReply olderThanSix) {
            return STANDALONE;
        }
    }
}
