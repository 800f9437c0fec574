package dev.tracklight.bench;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** The raw PutItem rate of the table's DynamoDB: items of about the size of a stored event. */
final class PutItemCeiling {

    private PutItemCeiling() {
    }

    static double measure(DynamoDbClient dynamo, String table, int threads, int items) throws Exception {
        AtomicInteger next = new AtomicInteger();
        String doc = "x".repeat(600);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < items; i = next.getAndIncrement()) {
                        int n = i;
                        dynamo.putItem(request -> request.tableName(table).item(Map.of(
                                "pk", AttributeValue.fromS("BENCH#" + n), "sk", AttributeValue.fromS("EVT#" + n),
                                "doc", AttributeValue.fromS(doc))));
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return items / ((System.nanoTime() - start) / 1e9);
    }
}
