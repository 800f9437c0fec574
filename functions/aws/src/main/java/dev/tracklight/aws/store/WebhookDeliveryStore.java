package dev.tracklight.aws.store;

import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.core.outbound.DeliveryState;
import dev.tracklight.core.outbound.WebhookDelivery;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import static dev.tracklight.aws.store.Attributes.n;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * Deliveries of merchant webhooks: {@code WHS#{subscription}} / {@code DLV#{eventId}}, so creating one twice
 * for the same event finds the first. A pending delivery is on the due-hour index under its next attempt's
 * hour (apart from shipments' buckets); every delivery is on the tenant index under its subscription for the
 * merchant's listing, and expires {@link #RETENTION} after it was created.
 */
public final class WebhookDeliveryStore {

    public static final Duration RETENTION = Duration.ofDays(30);

    /** A delivery's key, as the due index gives it. */
    public record DeliveryKey(String subscriptionId, String eventId) {
    }

    /** A page of a subscription's deliveries, newest first, and the cursor of the next page (null: no more). */
    public record Page(List<WebhookDelivery> deliveries, String nextCursor) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final VersionedDocuments<WebhookDelivery> items;
    private final DueIndex due;

    public WebhookDeliveryStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.items = new VersionedDocuments<>(dynamo, table, WebhookDelivery.class, WebhookDeliveryStore::indexAttributes);
        this.due = new DueIndex(dynamo, table, "deliveries", Keys::deliveryDueHourShards);
    }

    /** False when this event already has a delivery to this subscription. */
    public boolean create(WebhookDelivery delivery) {
        return items.create(key(delivery.subscriptionId(), delivery.eventId()), delivery);
    }

    public Optional<WebhookDelivery> find(String subscriptionId, String eventId) {
        return items.get(key(subscriptionId, eventId));
    }

    /** @return the delivery as written; empty when there is none or {@code change} declined */
    public Optional<WebhookDelivery> change(String subscriptionId, String eventId, Function<WebhookDelivery, Optional<WebhookDelivery>> change) {
        return items.change(key(subscriptionId, eventId), change);
    }

    /** Pending deliveries whose next attempt has come by {@code now}, oldest first, {@code limit} at most, due within {@code lookBack}. */
    public List<DeliveryKey> due(Instant now, Duration lookBack, int limit, Deadline deadline) {
        return due.dueBy(now, lookBack, lookBack, limit, deadline).stream()
                .map(item -> new DeliveryKey(Keys.subscriptionIdOf(string(item, Keys.PK)), Keys.deliveredEventIdOf(string(item, Keys.SK))))
                .toList();
    }

    /**
     * The subscription's deliveries that {@code filter} keeps, newest first, {@code limit} at most. The cursor
     * holds only index sort values, and the query is on the subscription the caller already owns.
     *
     * @throws IllegalArgumentException when the cursor is not one this store gave out
     */
    public Page page(String subscriptionId, String cursor, int limit, Predicate<WebhookDelivery> filter) {
        List<WebhookDelivery> found = new ArrayList<>();
        Map<String, AttributeValue> start = cursor == null ? null : startKey(subscriptionId, cursor);
        while (true) {
            Map<String, AttributeValue> from = start;
            var response = dynamo.query(request -> request.tableName(table).indexName(Keys.TENANT_INDEX)
                    .keyConditionExpression("#pk = :subscription")
                    .expressionAttributeNames(Map.of("#pk", Keys.TENANT_PK))
                    .expressionAttributeValues(Map.of(":subscription", s(Keys.webhookDeliveries(subscriptionId))))
                    .scanIndexForward(false).limit(limit).exclusiveStartKey(from));
            List<WebhookDelivery> read = items.getAll(response.items().stream()
                    .map(item -> Attributes.key(string(item, Keys.PK), string(item, Keys.SK))).toList());
            Map<String, WebhookDelivery> byEvent = new HashMap<>();
            read.forEach(delivery -> byEvent.put(delivery.eventId(), delivery));
            for (var indexKey : response.items()) {
                Optional.ofNullable(byEvent.get(Keys.deliveredEventIdOf(string(indexKey, Keys.SK)))).filter(filter).ifPresent(found::add);
                if (found.size() == limit) {
                    return new Page(found, cursorOf(indexKey));
                }
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return new Page(found, null);
            }
            start = response.lastEvaluatedKey();
        }
    }

    private static String cursorOf(Map<String, AttributeValue> indexKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (string(indexKey, Keys.TENANT_SK) + "\n" + string(indexKey, Keys.SK)).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> startKey(String subscriptionId, String cursor) {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 2 || !Keys.isWebhookDelivery(parts[1])) {
            throw new IllegalArgumentException("not a cursor");
        }
        return Map.of(Keys.TENANT_PK, s(Keys.webhookDeliveries(subscriptionId)), Keys.TENANT_SK, s(parts[0]),
                Keys.PK, s(Keys.webhookSubscription(subscriptionId)), Keys.SK, s(parts[1]));
    }

    private static Map<String, AttributeValue> key(String subscriptionId, String eventId) {
        return Attributes.key(Keys.webhookSubscription(subscriptionId), Keys.webhookDelivery(eventId));
    }

    private static Map<String, AttributeValue> indexAttributes(WebhookDelivery delivery) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put(Keys.TENANT_PK, s(Keys.webhookDeliveries(delivery.subscriptionId())));
        attributes.put(Keys.TENANT_SK, s(delivery.createdAt() + "#" + delivery.eventId()));
        attributes.put(Keys.TTL, n(delivery.createdAt().plus(RETENTION).getEpochSecond()));
        if (delivery.state() == DeliveryState.PENDING && delivery.nextAttemptAt() != null) {
            attributes.put(Keys.DUE_PK, s(Keys.deliveryDueHour(delivery.nextAttemptAt(), delivery.eventId())));
            attributes.put(Keys.DUE_SK, s(delivery.nextAttemptAt() + "#" + delivery.subscriptionId() + "#" + delivery.eventId()));
        }
        return attributes;
    }
}
