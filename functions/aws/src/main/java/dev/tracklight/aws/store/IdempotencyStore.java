package dev.tracklight.aws.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * {@code Idempotency-Key}s of registrations, kept a day: the first request with a key claims it with the
 * shipment id it is about to create, so a retry (even after a crash between claim and creation) creates
 * or returns that same shipment, and a different request with the same key is recognised.
 */
public final class IdempotencyStore {

    /** How long a key is remembered; a retry after that is a new request. */
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final String REQUEST_HASH = "requestHash";
    private static final String SHIPMENT_ID = "shipmentId";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public IdempotencyStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** Who holds a key: the shipment it stands for, and whether the request was the same one. */
    public record Claim(String shipmentId, boolean sameRequest) {
    }

    /** Claims the key for {@code shipmentId}, or returns the earlier claim. */
    public Claim claim(String tenantId, String idempotencyKey, String requestHash, String shipmentId) {
        var item = new HashMap<>(key(Keys.idempotency(tenantId, idempotencyKey), Keys.META));
        item.put(REQUEST_HASH, s(requestHash));
        item.put(SHIPMENT_ID, s(shipmentId));
        item.put(Keys.TTL, n(clock.instant().plus(RETENTION).getEpochSecond()));
        try {
            // an expired claim DynamoDB has not removed yet (its TTL sweep lags) is free again
            dynamo.putItem(request -> request.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #ttl < :now")
                    .expressionAttributeNames(Map.of("#ttl", Keys.TTL))
                    .expressionAttributeValues(Map.of(":now", n(clock.instant().getEpochSecond()))));
            return new Claim(shipmentId, true);
        } catch (ConditionalCheckFailedException claimed) {
            var earlier = dynamo.getItem(request -> request.tableName(table).consistentRead(true)
                    .key(key(Keys.idempotency(tenantId, idempotencyKey), Keys.META))).item();
            return new Claim(string(earlier, SHIPMENT_ID), requestHash.equals(string(earlier, REQUEST_HASH)));
        }
    }
}
