package dev.tracklight.aws.store;

import dev.tracklight.aws.schedule.Deadline;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
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
    private final DueIndex due;

    public PollScheduleStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.due = new DueIndex(dynamo, table, "polls", Keys::pollDueHourShards);
    }

    public void schedule(String shipmentId, Instant at) {
        dynamo.putItem(request -> request.tableName(table).item(item(shipmentId, at)));
    }

    /** Schedules each of these shipments at {@code at}, 25 to a request. */
    public void scheduleAll(List<String> shipmentIds, Instant at) {
        BatchRequests.putAll(dynamo, table, shipmentIds.stream().map(shipmentId -> item(shipmentId, at)).toList());
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

    /** Shipments whose poll is due by {@code now}, scheduled within {@code lookBack} (from where the last read left off). */
    public List<String> due(Instant now, Duration lookBack, Deadline deadline) {
        return due.dueBy(now, lookBack, deadline).stream()
                .map(item -> Keys.shipmentIdOf(string(item, Keys.PK)))
                .toList();
    }
}
