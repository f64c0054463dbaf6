package com.mt5ops.console.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The full read on a Redis Cluster: every master SCANned at once over its own node connection, and each page's keys
 * read on that same node while the next page is scanned (one flushed pipeline per page), instead of a cluster-wide SCAN
 * (Lettuce visits the masters one after another) followed by reads routed key by key. Measured on three masters with
 * 10,000 instances: about 250 ms against 500-1,000 ms the routed way. A read answered MOVED or ASK (its slot moved
 * meanwhile) is for the caller to send again through the cluster connection. The caller owns the cluster connection
 * (one thread at a time): nobody else sends over its node connections while their auto-flush is off.
 */
final class NodeReads {
    private NodeReads() {
    }

    /** A key found by the scan and its pending value (a hash, or a set where the caller's predicate said so). */
    record KeyRead(String key, RedisFuture<?> value) {
    }

    /** Every key {@code wanted} accepts on every master, each with its read under way; a key seen twice is read once. */
    static CompletableFuture<List<KeyRead>> scanAndRead(StatefulRedisClusterConnection<String, String> cluster, ScanArgs args,
                                                        Predicate<String> wanted, Predicate<String> isSet) {
        List<CompletableFuture<List<KeyRead>>> perNode = new ArrayList<>();
        for (RedisClusterNode node : cluster.getPartitions()) {
            if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.getSlots().isEmpty()) {
                StatefulRedisConnection<String, String> connection = cluster.getConnection(node.getNodeId());
                connection.setAutoFlushCommands(false);
                CompletableFuture<List<KeyRead>> reads = new NodeScan(connection, args, wanted, isSet, new ArrayList<>()).page(ScanCursor.INITIAL);
                connection.flushCommands();
                perNode.add(reads.whenComplete((r, e) -> {
                    connection.setAutoFlushCommands(true);
                    connection.flushCommands(); // anything Lettuce routed through this node meanwhile
                }));
            }
        }
        return CompletableFuture.allOf(perNode.toArray(CompletableFuture[]::new)).thenApply(all -> {
            Map<String, KeyRead> unique = new LinkedHashMap<>();
            perNode.forEach(node -> node.join().forEach(read -> unique.putIfAbsent(read.key(), read)));
            return new ArrayList<>(unique.values());
        });
    }

    /** One master's SCAN, page after page, with each page's reads sent before the next page is asked for. */
    private record NodeScan(StatefulRedisConnection<String, String> node, ScanArgs args, Predicate<String> wanted,
                            Predicate<String> isSet, List<KeyRead> reads) {
        CompletableFuture<List<KeyRead>> page(ScanCursor cursor) {
            RedisAsyncCommands<String, String> async = node.async();
            return async.scan(cursor, args).toCompletableFuture().thenCompose(page -> {
                for (String key : page.getKeys()) {
                    if (wanted.test(key)) {
                        reads.add(new KeyRead(key, isSet.test(key) ? async.smembers(key) : async.hgetall(key)));
                    }
                }
                CompletableFuture<List<KeyRead>> rest = page.isFinished() ? CompletableFuture.completedFuture(reads) : page(page);
                node.flushCommands();
                return rest;
            });
        }
    }
}
