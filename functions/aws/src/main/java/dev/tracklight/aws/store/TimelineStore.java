package dev.tracklight.aws.store;

import dev.tracklight.core.admission.EventAdmission;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.TrackingEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * Shipments' events, one item each under the shipment (docs/design.md §2), and the events of numbers nobody
 * registered yet. An event is written before the shipment version that folds it, so a retry after a crash
 * finds it either newer than the shipment (not folded yet) or in the timeline it folds again.
 */
public final class TimelineStore {

    private static final String DOC = "doc";
    /** On an unmatched event: the tenant whose endpoint received it (absent: platform-wide). */
    private static final String SCOPE = "scope";
    /** Events for a number nobody registered yet are kept this long, waiting for their shipment. */
    private static final long UNMATCHED_RETENTION_DAYS = 90;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public TimelineStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /**
     * Writes the events before the shipment version that folds them: BatchWriteItem, 25 a request (which
     * refuses two writes of one key, so a repeat within the batch is written once); a repeat rewrites the same item.
     */
    public void putAll(String shipmentId, Collection<TrackingEvent> events) {
        Map<String, Map<String, AttributeValue>> byKey = new LinkedHashMap<>();
        events.forEach(event -> byKey.putIfAbsent(Keys.event(event), eventItem(shipmentId, event)));
        BatchRequests.putAll(dynamo, table, List.copyOf(byKey.values()));
    }

    /** The whole timeline: read only to fold again, when an event arrives older than the newest one folded. */
    public List<TrackingEvent> all(String shipmentId) {
        return dynamo.queryPaginator(events(Keys.shipment(shipmentId)).build()).items().stream().map(TimelineStore::readable).toList();
    }

    /** The newest {@code limit} events, newest first: what a view shows, read at a cost that stops growing with the history. */
    public List<TrackingEvent> newest(String shipmentId, int limit) {
        return dynamo.query(events(Keys.shipment(shipmentId)).scanIndexForward(false).limit(limit).build())
                .items().stream().map(TimelineStore::readable).toList();
    }

    /**
     * Keeps an event whose shipment is not registered yet, to attach on registration.
     *
     * @param tenantId the tenant whose webhook endpoint received it, or null when it came through a
     *                 platform-wide endpoint and belongs to any tenant's shipment with this number
     */
    public void putUnmatched(TrackingEvent event, String tenantId) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.tracking(event.carrier(), event.trackingNumber()),
                Keys.event(event) + "#" + (tenantId == null ? "*" : tenantId)));
        item.put(DOC, s(Json.write(event)));
        if (tenantId != null) {
            item.put(SCOPE, s(tenantId));
        }
        item.put(Keys.TTL, n(clock.instant().plus(UNMATCHED_RETENTION_DAYS, ChronoUnit.DAYS).getEpochSecond()));
        try {
            dynamo.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException kept) {
            // the carrier sent it again before anyone registered the number: kept once, with its first expiry
        }
    }

    /** The events that arrived before the shipment was registered: its tenant's and platform-wide. */
    public List<TrackingEvent> unmatched(Shipment shipment) {
        return dynamo.queryPaginator(events(Keys.tracking(shipment.carrier(), shipment.trackingNumber())).build()).items().stream()
                .filter(item -> string(item, SCOPE) == null || string(item, SCOPE).equals(shipment.tenantId()))
                .map(TimelineStore::readable)
                .toList();
    }

    /** The event items under {@code pk}, read strongly consistently, oldest first. */
    private QueryRequest.Builder events(String pk) {
        return QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(Keys.EVENT_PREFIX)));
    }

    private static TrackingEvent readable(Map<String, AttributeValue> item) {
        return EventAdmission.readable(Json.read(string(item, DOC), TrackingEvent.class));
    }

    private static Map<String, AttributeValue> eventItem(String shipmentId, TrackingEvent event) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.shipment(shipmentId), Keys.event(event)));
        item.put(DOC, s(Json.write(event)));
        return item;
    }
}
