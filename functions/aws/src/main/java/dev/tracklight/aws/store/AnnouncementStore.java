package dev.tracklight.aws.store;

import dev.tracklight.core.model.DelayStatus;
import dev.tracklight.core.tracking.Announced;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * What was last announced of each shipment, in a small item beside it: marking an announcement costs one
 * write unit, not a second write of the shipment, and a version written but not marked (the process died
 * between the write and the announcement) is announced by whoever handles the shipment next.
 */
public final class AnnouncementStore {

    private static final String VERSION = "announcedVersion";
    private static final String DELAY = "announcedDelay";

    private final DynamoDbClient dynamo;
    private final String table;

    public AnnouncementStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** What was last announced of each of these shipments; {@link Announced#NOTHING} for those never announced. */
    public Map<String, Announced> of(Collection<String> shipmentIds) {
        Map<String, Announced> announced = new HashMap<>();
        shipmentIds.forEach(id -> announced.put(id, Announced.NOTHING));
        BatchRequests.getAll(dynamo, table, shipmentIds.stream().map(AnnouncementStore::keyOf).toList())
                .forEach(item -> announced.put(Keys.shipmentIdOf(string(item, Keys.PK)), read(item)));
        return announced;
    }

    static Map<String, AttributeValue> keyOf(String shipmentId) {
        return key(Keys.shipment(shipmentId), Keys.ANNOUNCED);
    }

    static Announced read(Map<String, AttributeValue> item) {
        return new Announced(Long.parseLong(item.get(VERSION).n()), item.containsKey(DELAY) ? DelayStatus.valueOf(string(item, DELAY)) : null);
    }

    /**
     * Marks these versions announced, in one BatchWriteItem per 25. Unconditional: should two writers of one
     * shipment race, the older mark may win, and the newer version is then announced once more.
     */
    public void mark(Map<String, Announced> byShipment) {
        List<Map<String, AttributeValue>> items = byShipment.entrySet().stream().map(entry -> {
            Map<String, AttributeValue> item = new HashMap<>(keyOf(entry.getKey()));
            item.put(VERSION, n(entry.getValue().version()));
            if (entry.getValue().delay() != null) {
                item.put(DELAY, s(entry.getValue().delay().name()));
            }
            return item;
        }).toList();
        BatchRequests.putAll(dynamo, table, items);
    }
}
