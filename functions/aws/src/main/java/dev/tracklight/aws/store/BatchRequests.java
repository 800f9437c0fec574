package dev.tracklight.aws.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * BatchGetItem and BatchWriteItem at their limits (100 keys, 25 writes), asking again for what DynamoDB left
 * unprocessed, after a pause that doubles while it keeps leaving some (its advice when a partition is busy).
 */
final class BatchRequests {

    static final int MAX_GET = 100;
    static final int MAX_WRITE = 25;
    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 1_000;

    private BatchRequests() {
    }

    /** The items of these keys that exist, read strongly consistently, in no particular order. */
    static List<Map<String, AttributeValue>> getAll(DynamoDbClient dynamo, String table, Collection<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> distinct = keys.stream().distinct().toList();
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += MAX_GET) {
            Map<String, KeysAndAttributes> pending = Map.of(table,
                    KeysAndAttributes.builder().keys(distinct.subList(from, Math.min(from + MAX_GET, distinct.size()))).consistentRead(true).build());
            long pause = FIRST_PAUSE_MILLIS;
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> asked = pending;
                var response = dynamo.batchGetItem(request -> request.requestItems(asked));
                found.addAll(response.responses().getOrDefault(table, List.of()));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                pause = pauseIfAny(!pending.isEmpty(), pause);
            }
        }
        return found;
    }

    /** Puts these items, unconditionally: for items whose every write is the same, so a repeat changes nothing. */
    static void putAll(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += MAX_WRITE) {
            List<WriteRequest> writes = items.subList(from, Math.min(from + MAX_WRITE, items.size())).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()).toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, writes);
            long pause = FIRST_PAUSE_MILLIS;
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> asked = pending;
                var response = dynamo.batchWriteItem(request -> request.requestItems(asked));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                pause = pauseIfAny(!pending.isEmpty(), pause);
            }
        }
    }

    /** A random pause that grows with the attempt, so writers that collided stop colliding. */
    static void pause(int attempt) {
        pauseIfAny(true, 1 + ThreadLocalRandom.current().nextLong(Math.min(FIRST_PAUSE_MILLIS << attempt, LONGEST_PAUSE_MILLIS)));
    }

    private static long pauseIfAny(boolean left, long pause) {
        if (!left) {
            return pause;
        }
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while DynamoDB was busy", e);
        }
        return Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
    }
}
