package dev.tracklight.aws.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * Live WebSocket connections, written twice: under the shipment (so a push queries, never scans) and
 * under the connection id (so {@code $disconnect} finds the shipment).
 */
public final class ConnectionStore {

    /** API Gateway closes every WebSocket after two hours; a row never needs to outlive that. */
    public static final Duration MAX_CONNECTION_AGE = Duration.ofHours(2);
    /** Longer than API Gateway lets {@code $connect} run (29 s). */
    public static final Duration HANDSHAKE_GRACE = Duration.ofSeconds(30);
    private static final String SHIPMENT_ID = "shipmentId";
    private static final String CONNECTION_ID = "connectionId";

    private final DynamoDbClient dynamo;
    private final String table;

    public ConnectionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public void add(String connectionId, String shipmentId, Instant now) {
        long expiresAt = now.plus(MAX_CONNECTION_AGE).getEpochSecond();
        var byShipment = item(Keys.shipment(shipmentId), Keys.connection(connectionId), connectionId, shipmentId, expiresAt);
        var byConnection = item(Keys.connection(connectionId), Keys.META, connectionId, shipmentId, expiresAt);
        dynamo.transactWriteItems(request -> request.transactItems(put(byShipment), put(byConnection)));
    }

    public Optional<String> shipmentOf(String connectionId) {
        return byConnection(connectionId).map(item -> string(item, SHIPMENT_ID));
    }

    public List<String> connectionsOf(String shipmentId) {
        return dynamo.queryPaginator(request -> request.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.shipment(shipmentId)), ":prefix", s(Keys.CONNECTION_PREFIX))))
                .items().stream()
                .map(item -> string(item, CONNECTION_ID))
                .toList();
    }

    /**
     * A connection API Gateway answered 410 for. During its {@code $connect} (up to 29 s) a connection is already
     * written here but cannot be posted to yet, and API Gateway answers 410 then too: forgetting it would leave a page
     * that just opened without updates. So one admitted less than {@link #HANDSHAKE_GRACE} ago is kept; a truly gone
     * one is removed by its {@code $disconnect}, or by TTL.
     *
     * @return whether the connection was forgotten
     */
    public boolean removeGone(String connectionId, Instant now) {
        var item = byConnection(connectionId);
        boolean opening = item.filter(found -> found.containsKey(Keys.TTL))
                .map(found -> Instant.ofEpochSecond(Long.parseLong(found.get(Keys.TTL).n())).minus(MAX_CONNECTION_AGE))
                .filter(admitted -> admitted.isAfter(now.minus(HANDSHAKE_GRACE)))
                .isPresent();
        if (opening) {
            return false;
        }
        forget(connectionId, item.map(found -> string(found, SHIPMENT_ID)));
        return true;
    }

    public void remove(String connectionId) {
        forget(connectionId, shipmentOf(connectionId));
    }

    /** Deletes both rows of a connection whose row by connection was read as {@code shipmentId} (the one row when it had none). */
    private void forget(String connectionId, Optional<String> shipmentId) {
        shipmentId.ifPresentOrElse(
                shipment -> dynamo.transactWriteItems(request -> request.transactItems(
                        delete(Keys.shipment(shipment), Keys.connection(connectionId)),
                        delete(Keys.connection(connectionId), Keys.META))),
                () -> dynamo.deleteItem(request -> request.tableName(table).key(key(Keys.connection(connectionId), Keys.META))));
    }

    private Optional<Map<String, AttributeValue>> byConnection(String connectionId) {
        var item = dynamo.getItem(request -> request.tableName(table)
                .key(key(Keys.connection(connectionId), Keys.META)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String connectionId, String shipmentId, long ttl) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put(CONNECTION_ID, s(connectionId));
        item.put(SHIPMENT_ID, s(shipmentId));
        item.put(Keys.TTL, n(ttl));
        return item;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    private TransactWriteItem delete(String pk, String sk) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(pk, sk)).build()).build();
    }
}
