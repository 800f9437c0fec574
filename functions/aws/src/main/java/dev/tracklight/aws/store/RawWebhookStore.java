package dev.tracklight.aws.store;

import dev.tracklight.core.json.Json;
import dev.tracklight.core.webhook.ReceivedWebhook;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * Every authenticated webhook body, as received, for audit and replay: {@code RAW#{hour}#{shard}} /
 * {@code {receiptId}} (sharded: see {@link Keys#HOUR_SHARDS}), expired by DynamoDB's TTL after the retention period.
 */
public final class RawWebhookStore {

    private static final String DOC = "doc";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    public RawWebhookStore(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
    }

    public void put(ReceivedWebhook webhook) {
        var item = new HashMap<>(key(Keys.rawHour(webhook.receivedAt(), webhook.receiptId()), webhook.receiptId()));
        item.put(DOC, s(Json.write(webhook)));
        item.put(Keys.TTL, n(webhook.receivedAt().plus(retention).getEpochSecond()));
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

    /** The receipt id carries its arrival time, so one GetItem finds it. */
    public Optional<ReceivedWebhook> find(String receiptId) {
        Instant receivedAt;
        try {
            receivedAt = Instant.ofEpochMilli(Long.parseLong(receiptId.split("_")[1]));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        for (String pk : List.of(Keys.rawHour(receivedAt, receiptId), Keys.rawHourShards(receivedAt).getLast())) {
            var item = dynamo.getItem(request -> request.tableName(table).key(key(pk, receiptId))).item();
            if (item != null && !item.isEmpty()) {
                return Optional.of(Json.read(string(item, DOC), ReceivedWebhook.class));
            }
        }
        return Optional.empty();
    }

    /** The webhooks received in the hour that contains {@code hour}, oldest first: one query per shard. */
    public List<ReceivedWebhook> receivedIn(Instant hour) {
        return Keys.rawHourShards(hour).stream()
                .flatMap(pk -> dynamo.queryPaginator(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(pk))).build()).items().stream())
                .map(item -> Json.read(string(item, DOC), ReceivedWebhook.class))
                .sorted(Comparator.comparing(ReceivedWebhook::receivedAt).thenComparing(ReceivedWebhook::receiptId))
                .toList();
    }
}
