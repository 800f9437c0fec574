package dev.tracklight.aws.store;

import dev.tracklight.core.ids.RandomIds;
import dev.tracklight.core.order.Order;
import dev.tracklight.core.order.OrderNumbers;
import dev.tracklight.core.order.OrderStage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * A merchant's orders: the token of each order's public page and when its reported stages were reached. The
 * order item sits in the partition that already lists the order's shipments ({@code ORD#…}, sort key META
 * beside their {@code SHP#} items), so the order page reads one partition; its token has an item of its own.
 */
public final class OrderStore {

    private static final String TENANT_ID = "tenantId";
    private static final String ORDER_ID = "orderId";
    private static final String TOKEN = "token";
    private static final String CREATED_AT = "createdAt";
    private static final String NUMBER = "number";
    private static final String STAGE_PREFIX = "at_";
    /** A fresh token colliding with an issued one is all but impossible; another draw settles it. */
    private static final int TOKEN_DRAWS = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public OrderStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** The order, created with its page's token when this is the first we hear of it; concurrent openers get the same one. */
    public Order open(String tenantId, String orderId) {
        Optional<Order> known = get(tenantId, orderId);
        if (known.isPresent()) {
            return known.get();
        }
        TransactionCanceledException collided = null;
        for (int draw = 0; draw < TOKEN_DRAWS; draw++) {
            String token = RandomIds.trackingToken();
            Instant now = clock.instant();
            Map<String, AttributeValue> order = new HashMap<>(key(Keys.order(tenantId, orderId), Keys.META));
            order.put(TENANT_ID, s(tenantId));
            order.put(ORDER_ID, s(orderId));
            order.put(TOKEN, s(token));
            order.put(CREATED_AT, n(now.toEpochMilli()));
            Map<String, AttributeValue> byToken = new HashMap<>(key(Keys.orderToken(token), Keys.META));
            byToken.put(TENANT_ID, s(tenantId));
            byToken.put(ORDER_ID, s(orderId));
            try {
                dynamo.transactWriteItems(request -> request.transactItems(putNew(order), putNew(byToken)));
                return new Order(tenantId, orderId, token, Map.of(), now, null);
            } catch (TransactionCanceledException cancelled) {
                Optional<Order> first = get(tenantId, orderId);
                if (first.isPresent()) {
                    return first.get(); // a concurrent opener made it
                }
                if (!tokenTaken(cancelled)) {
                    throw cancelled; // a conflict or a throttle, not a collision: the caller answers 503 and is retried
                }
                collided = cancelled;
            }
        }
        throw collided;
    }

    /** Records that the order ({@link #open}ed) reached a stage at {@code at}, unless an earlier report of it stands. */
    public void reach(Order order, OrderStage stage, Instant at) {
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(Keys.order(order.tenantId(), order.orderId()), Keys.META))
                    .updateExpression("SET #s = :at")
                    .conditionExpression("attribute_not_exists(#s) OR #s > :at")
                    .expressionAttributeNames(Map.of("#s", STAGE_PREFIX + stage.name()))
                    .expressionAttributeValues(Map.of(":at", n(at.toEpochMilli()))));
        } catch (ConditionalCheckFailedException earlierStands) {
            // the stage was reported at or before this time already: the earliest report wins
        }
    }

    /**
     * Keeps the number the buyer was given beside the ({@link #open}ed) order, and finds the order by it ({@code ONUM#…}): a channel's
     * internal id is not what its buyer has on the receipt. The first order given a number keeps it.
     */
    public void number(Order order, String number) {
        String tenantId = order.tenantId();
        String orderId = order.orderId();
        dynamo.updateItem(request -> request.tableName(table).key(key(Keys.order(tenantId, orderId), Keys.META))
                .updateExpression("SET #number = :number").expressionAttributeNames(Map.of("#number", NUMBER))
                .expressionAttributeValues(Map.of(":number", s(number))));
        Map<String, AttributeValue> byNumber = new HashMap<>(key(Keys.orderNumber(tenantId, OrderNumbers.normalize(number)), Keys.META));
        byNumber.put(ORDER_ID, s(orderId));
        try {
            dynamo.putItem(request -> request.tableName(table).item(byNumber)
                    .conditionExpression("attribute_not_exists(pk) OR #order = :order")
                    .expressionAttributeNames(Map.of("#order", ORDER_ID)).expressionAttributeValues(Map.of(":order", s(orderId))));
        } catch (ConditionalCheckFailedException taken) {
            // another order of the shop has this number already: it keeps it
        }
    }

    /** The order the buyer's number names, however they typed it ("#1001", "1001"). */
    public Optional<String> orderIdOfNumber(String tenantId, String number) {
        String normalized = OrderNumbers.normalize(number);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        var item = dynamo.getItem(request -> request.tableName(table).key(key(Keys.orderNumber(tenantId, normalized), Keys.META))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(string(item, ORDER_ID));
    }

    public Optional<Order> get(String tenantId, String orderId) {
        var item = dynamo.getItem(request -> request.tableName(table).consistentRead(true)
                .key(key(Keys.order(tenantId, orderId), Keys.META))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(order(item));
    }

    /** The order a public page's token names; tokens longer than any issued are answered without a read. */
    public Optional<Order> findByToken(String token) {
        if (!Keys.issued(token)) {
            return Optional.empty();
        }
        var item = dynamo.getItem(request -> request.tableName(table).key(key(Keys.orderToken(token), Keys.META))).item();
        return item == null || item.isEmpty() ? Optional.empty() : get(string(item, TENANT_ID), string(item, ORDER_ID));
    }

    private static Order order(Map<String, AttributeValue> item) {
        Map<OrderStage, Instant> reported = new EnumMap<>(OrderStage.class);
        for (OrderStage stage : OrderStage.values()) {
            AttributeValue at = item.get(STAGE_PREFIX + stage.name());
            if (at != null) {
                reported.put(stage, Instant.ofEpochMilli(Long.parseLong(at.n())));
            }
        }
        return new Order(string(item, TENANT_ID), string(item, ORDER_ID), string(item, TOKEN), reported,
                Instant.ofEpochMilli(Long.parseLong(item.get(CREATED_AT).n())), string(item, NUMBER));
    }

    /** Whether the transaction failed on the token item's condition alone (the second of its two writes). */
    private static boolean tokenTaken(TransactionCanceledException cancelled) {
        var reasons = cancelled.cancellationReasons();
        return reasons.size() == 2 && "ConditionalCheckFailed".equals(reasons.get(1).code())
                && !"ConditionalCheckFailed".equals(reasons.get(0).code());
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(pk)").build()).build();
    }
}
