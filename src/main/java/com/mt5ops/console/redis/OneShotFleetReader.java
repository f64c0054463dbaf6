package com.mt5ops.console.redis;

import com.mt5ops.console.model.KeySchema;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the whole fleet once over a plain RESP connection: SCAN, then the bulk-read script in pipelined
 * batches, into the same assembler as {@link FleetLoader}. Empty when this endpoint needs the full client
 * (Sentinel, sockets), or the user may not run the script (it is not even tried then) or the server refuses it; the
 * caller then uses {@link FleetLoader}.
 */
public final class OneShotFleetReader {
    private static final int BATCH = 500;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OneShotFleetReader.class);

    private OneShotFleetReader() {
    }

    /** Asks the server first, on the same connection, whether this user may run the script. */
    public static Optional<Fleet> read(RedisEndpoint endpoint) {
        return read(endpoint, null, why -> { });
    }

    /** With the user's rights {@code known} (null: asks); {@code refused} hears why the server refused the script after all. */
    public static Optional<Fleet> read(RedisEndpoint endpoint, Capabilities known, java.util.function.Consumer<String> refused) {
        RedisURI uri = endpoint.uri();
        if (!RespConnection.reaches(uri)) {
            return Optional.empty();
        }
        String script = new LuaScript("read-keys.lua").source();
        long t0 = System.nanoTime();
        try (RespConnection c = RespConnection.open(uri, endpoint.tls())) {
            if (ServerMode.of(c) == ServerMode.CLUSTER) {
                return Optional.empty(); // this node holds only its own slots: the cluster client reads the fleet
            }
            Capabilities caps = known != null ? known : CapabilityCheck.over(c, endpoint, ServerMode.STANDALONE);
            if (!caps.may(Capabilities.Right.READ_SCRIPT)) {
                return Optional.empty();
            }
            long t1 = System.nanoTime();
            if (uri.getDatabase() != 0) {
                c.call("SELECT", Integer.toString(uri.getDatabase()));
            }
            List<String> keys = scan(c);
            long t2 = System.nanoTime();
            for (int from = 0; from < keys.size(); from += BATCH) {
                List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
                List<String> args = new ArrayList<>(batch.size() + 3);
                args.add("EVAL");
                args.add(script);
                args.add(Integer.toString(batch.size()));
                args.addAll(batch);
                c.write(args);
            }
            c.flush();
            FleetAssembler assembler = new FleetAssembler();
            RespReader.ErrorReply denied = null;
            for (int from = 0; from < keys.size(); from += BATCH) {
                try {
                    assembler.absorbScriptReply(keys.subList(from, Math.min(keys.size(), from + BATCH)), c.read());
                } catch (RespReader.ErrorReply e) {
                    denied = e;
                }
            }
            long t3 = System.nanoTime();
            if (denied != null && RedisAccessException.isDenial(denied.getMessage())) {
                refused.accept(denied.getMessage());
            }
            Optional<Fleet> fleet = denied == null ? Optional.of(assembler.build(null)) : Optional.empty();
            LOG.debug("one-shot read: connect {} ms, scan {} ms, read {} ms, build {} ms", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
            return fleet;
        } catch (RespReader.ErrorReply e) {
            throw RedisAccessException.from(endpoint.display(), e);
        } catch (RespReader.BadReply e) {
            throw refused(endpoint, e.getMessage(), e);
        } catch (IOException e) {
            throw TlsFailures.classify(endpoint, e);
        } catch (ClassCastException | IndexOutOfBoundsException e) {
            throw refused(endpoint, "a reply of an unexpected shape", e);
        }
    }

    /** A server that answers what no Redis would (or over the reader's limits): one line for the operator, exit 5. */
    private static RedisAccessException refused(RedisEndpoint endpoint, String why, Exception e) {
        return new RedisAccessException(RedisAccessException.Reason.UNREACHABLE, "refused a reply from " + endpoint.display() + ": " + why, e);
    }

    @SuppressWarnings("unchecked")
    private static List<String> scan(RespConnection c) throws IOException {
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        do {
            List<Object> page = (List<Object>) c.call("SCAN", cursor, "MATCH", KeySchema.SCAN_PATTERN, "COUNT", "5000");
            cursor = (String) page.get(0);
            for (Object k : (List<Object>) page.get(1)) {
                String key = (String) k;
                if (seen.add(key) && KeySchema.parse(key).isPresent()) {
                    keys.add(key);
                }
            }
        } while (!"0".equals(cursor));
        return keys;
    }
}
