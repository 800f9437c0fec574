package dev.tracklight.aws.store;

import dev.tracklight.core.channels.ChannelChange.OrderPlaced;
import dev.tracklight.core.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * What a tenant's sales channels told us, for the webhooks that follow: orders (their recipient, for the
 * fulfilments that come later), which shipments a fulfilment became, and which deliveries were handled.
 */
public final class ChannelStore {

    /** Platforms retry for hours (Shopify: 8 times over 4 h); a handled delivery is remembered well past that. */
    static final Duration DELIVERY_MEMORY = Duration.ofDays(7);
    private static final String DOC = "doc";
    private static final String SHIPMENT_ID = "shipmentId";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public ChannelStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    public void rememberOrder(String tenantId, String channel, OrderPlaced order) {
        var item = new HashMap<>(key(Keys.channelOrder(tenantId, channel, order.orderId()), Keys.META));
        item.put(DOC, s(Json.write(order)));
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

    public Optional<OrderPlaced> order(String tenantId, String channel, String orderId) {
        var item = dynamo.getItem(request -> request.tableName(table).consistentRead(true)
                .key(key(Keys.channelOrder(tenantId, channel, orderId), Keys.META))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Json.read(string(item, DOC), OrderPlaced.class));
    }

    public void link(String tenantId, String channel, String fulfillmentId, String shipmentId) {
        var item = new HashMap<>(key(Keys.channelFulfillment(tenantId, channel, fulfillmentId), Keys.shipment(shipmentId)));
        item.put(SHIPMENT_ID, s(shipmentId));
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

    /** The shipments a fulfilment became (one per tracking number). */
    public List<String> shipmentsOf(String tenantId, String channel, String fulfillmentId) {
        return dynamo.queryPaginator(request -> request.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.channelFulfillment(tenantId, channel, fulfillmentId)))))
                .items().stream().map(item -> string(item, SHIPMENT_ID)).toList();
    }

    public boolean handled(String tenantId, String channel, String deliveryId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(Keys.channelDelivery(tenantId, channel, deliveryId), Keys.META))).item();
        return item != null && !item.isEmpty();
    }

    /** Marks a delivery handled, after everything it said was stored: a crash before this only means a harmless redo. */
    public void markHandled(String tenantId, String channel, String deliveryId) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.channelDelivery(tenantId, channel, deliveryId), Keys.META));
        item.put(Keys.TTL, n(clock.instant().plus(DELIVERY_MEMORY).getEpochSecond()));
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

}
