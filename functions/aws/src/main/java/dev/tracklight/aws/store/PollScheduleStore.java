package dev.tracklight.aws.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * When each polled shipment is next asked at its source: one item per shipment ({@code SHP#{id}} / {@code POLL})
 * in the due-hour index under {@code POLL#{hour}}, so the scheduler reads the due ones without a scan.
 */
public final class PollScheduleStore {


    private final DynamoDbClient dynamo;
    private final String table;

    public PollScheduleStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public void schedule(String shipmentId, Instant at) {
        dynamo.putItem(request -> request.tableName(table).item(item(shipmentId, at)));
    }

    /** The schedule item, for a write that must be part of another's transaction (a registration's). */
    static Map<String, AttributeValue> item(String shipmentId, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.shipment(shipmentId), Keys.POLL));
        item.put(Keys.DUE_PK, s(Keys.pollDueHour(at, shipmentId)));
        item.put(Keys.DUE_SK, s(at + "#" + shipmentId));
        return item;
    }

    public void remove(String shipmentId) {
        dynamo.deleteItem(request -> request.tableName(table).key(key(Keys.shipment(shipmentId), Keys.POLL)));
    }

    /** Shipments due by {@code now} among those scheduled in the hour starting at {@code hour}. */
    public List<String> dueIn(Instant hour, Instant now) {
        return DueIndex.dueBy(dynamo, table, Keys.pollDueHourShards(hour), now)
                .map(item -> Keys.shipmentIdOf(string(item, Keys.PK)))
                .toList();
    }
}
