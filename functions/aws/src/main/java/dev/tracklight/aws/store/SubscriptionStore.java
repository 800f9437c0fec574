package dev.tracklight.aws.store;

import dev.tracklight.core.carriers.connect.Subscription;
import dev.tracklight.core.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.HashMap;
import java.util.Optional;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * A shipment's subscription at its source, in the shipment's partition ({@code SHP#{id}} / {@code SUBSCRIPTION})
 * but its own item: the subscriber writes it without racing the processor for the shipment's version.
 */
public final class SubscriptionStore {

    private static final String SK = "SUBSCRIPTION";
    private static final String DOC = "doc";

    private final DynamoDbClient dynamo;
    private final String table;

    public SubscriptionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Optional<Subscription> get(String shipmentId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(Keys.shipment(shipmentId), SK)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Json.read(string(item, DOC), Subscription.class));
    }

    public void put(String shipmentId, Subscription subscription) {
        var item = new HashMap<>(key(Keys.shipment(shipmentId), SK));
        item.put(DOC, s(Json.write(subscription)));
        dynamo.putItem(request -> request.tableName(table).item(item));
    }
}
