package dev.tracklight.aws.store;

import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.core.analytics.TallyTail;
import dev.tracklight.core.analytics.Uncounted;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Contact;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.tracking.Announced;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/** Shipments and the lookups that find them (docs/design.md §2); their events are in {@link TimelineStore}. */
public final class ShipmentStore {

    private static final String DOC = "doc";
    private static final String VERSION = "version";
    private static final String SHIPMENT_ID = "shipmentId";
    /** The shipment's counting state, kept beside its document and written with its versions. */
    private static final String TALLY_TAIL = "tallyTail";
    private static final String UNCOUNTED = "uncounted";
    /** Tries of a merchant's change against concurrent writers before it is given up (answered 409). */
    private static final int MAX_DETAIL_ATTEMPTS = 5;

    /** When a registration's subscription is asked for again, should the request queued with it have been lost. */
    private static final Duration SUBSCRIPTION_OUTBOX = Duration.ofMinutes(2);

    private final DynamoDbClient dynamo;
    private final String table;
    /** Reads only: shipments are written by this class, with their lookups and index keys. */
    private final VersionedDocuments<Shipment> documents;
    private final DueIndex due;

    public ShipmentStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.documents = new VersionedDocuments<>(dynamo, table, Shipment.class, shipment -> Map.of());
        this.due = new DueIndex(dynamo, table, "verdicts", Keys::dueHourShards);
    }

    /** Registers a shipment with its tracking, token, order, tenant-number and contact lookups, all or nothing. */
    public void create(Shipment shipment) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(shipmentItem(shipment), "attribute_not_exists(pk)"));
        writes.add(put(lookup(Keys.tracking(shipment.carrier(), shipment.trackingNumber()),
                Keys.shipment(shipment.shipmentId()), shipment.shipmentId()), null));
        writes.add(put(lookup(Keys.token(shipment.trackingToken()), Keys.META, shipment.shipmentId()),
                "attribute_not_exists(pk)"));
        if (shipment.orderId() != null) {
            writes.add(put(lookup(Keys.order(shipment.tenantId(), shipment.orderId()),
                    Keys.shipment(shipment.shipmentId()), shipment.shipmentId()), null));
        }
        writes.add(put(lookup(Keys.tenantTracking(shipment.tenantId(), shipment.trackingNumber()),
                Keys.shipment(shipment.shipmentId()), shipment.shipmentId()), null));
        contactKeys(shipment).forEach(contact -> writes.add(put(lookup(contact, Keys.shipment(shipment.shipmentId()), shipment.shipmentId()), null)));
        // the subscription's outbox: if the request queued after this write is lost, the scheduler asks for it
        writes.add(put(PollScheduleStore.item(shipment.shipmentId(), shipment.createdAt().plus(SUBSCRIPTION_OUTBOX)), null));
        dynamo.transactWriteItems(request -> request.transactItems(writes));
    }

    /** A page of a tenant's shipments, newest update first, and the cursor of the next page (null: no more). */
    public record Page(List<Shipment> shipments, String nextCursor) {
    }

    /**
     * The tenant's shipments updated since {@code updatedSince} (null: all), newest update first, that
     * {@code filter} keeps: reads the tenant index a page at a time until {@code limit} are found. The cursor
     * holds only index sort values: the query is always on the caller's own tenant, so a cursor cannot
     * reach another tenant's shipments.
     */
    public Page page(String tenantId, Instant updatedSince, String cursor, int limit, Predicate<Shipment> filter) {
        List<Shipment> found = new ArrayList<>();
        Map<String, AttributeValue> start = cursor == null ? null : startKey(tenantId, cursor);
        while (true) {
            Map<String, AttributeValue> from = start;
            var response = dynamo.query(request -> request.tableName(table).indexName(Keys.TENANT_INDEX)
                    .keyConditionExpression(updatedSince == null ? "#pk = :tenant" : "#pk = :tenant AND #sk >= :since")
                    .expressionAttributeNames(updatedSince == null ? Map.of("#pk", Keys.TENANT_PK)
                            : Map.of("#pk", Keys.TENANT_PK, "#sk", Keys.TENANT_SK))
                    .expressionAttributeValues(updatedSince == null ? Map.of(":tenant", s(Keys.tenant(tenantId)))
                            : Map.of(":tenant", s(Keys.tenant(tenantId)), ":since", s(updatedSince.toString())))
                    .scanIndexForward(false).limit(limit).exclusiveStartKey(from));
            Map<String, Shipment> read = new HashMap<>();
            getAll(response.items().stream().map(ShipmentStore::shipmentIdOf).toList()).forEach(shipment -> read.put(shipment.shipmentId(), shipment));
            for (var key : response.items()) {
                Optional.ofNullable(read.get(shipmentIdOf(key))).filter(filter).ifPresent(found::add);
                if (found.size() == limit) {
                    return new Page(found, cursorOf(key));
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
                (string(indexKey, Keys.TENANT_SK) + "\n" + string(indexKey, Keys.PK)).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the cursor is not one this store gave out */
    private static Map<String, AttributeValue> startKey(String tenantId, String cursor) {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 2 || !parts[1].startsWith(Keys.SHIPMENT_PREFIX)) {
            throw new IllegalArgumentException("not a cursor");
        }
        return Map.of(Keys.TENANT_PK, s(Keys.tenant(tenantId)), Keys.TENANT_SK, s(parts[0]), Keys.PK, s(parts[1]), Keys.SK, s(Keys.META));
    }

    /** The tenant's shipments for one of its order ids. */
    public List<Shipment> findByOrder(String tenantId, String orderId) {
        return lookedUp(Keys.order(tenantId, orderId));
    }

    /** The tenant's shipments with this tracking number, whatever their carrier. */
    public List<Shipment> findByTrackingNumber(String tenantId, String trackingNumber) {
        return lookedUp(Keys.tenantTracking(tenantId, trackingNumber));
    }

    /** The tenant's shipments to the consumer with this contact lookup key ({@link Contact#lookupKeys}). */
    public List<Shipment> findByContact(String tenantId, String lookupKey) {
        return lookedUp(Keys.contact(tenantId, lookupKey));
    }

    private List<Shipment> lookedUp(String pk) {
        return getAll(query(pk, Keys.SHIPMENT_PREFIX).stream().map(item -> string(item, SHIPMENT_ID)).toList());
    }

    private static String shipmentIdOf(Map<String, AttributeValue> indexKey) {
        return Keys.shipmentIdOf(string(indexKey, Keys.PK));
    }

    /** The shipments with these ids that exist, in the order asked: one BatchGetItem per 100. */
    public List<Shipment> getAll(List<String> shipmentIds) {
        return documents.getAll(shipmentIds.stream().map(id -> key(Keys.shipment(id), Keys.META)).toList());
    }

    /**
     * Applies the merchant's change of promise or recipient to the shipment as stored, and points the contact
     * lookups at the new recipient (none once erased). When another writer got there first, the change is
     * applied again to what it wrote.
     *
     * @param change the shipment after the change, or empty when there is nothing to change
     * @return the changed shipment; empty when it does not exist or there was nothing to change
     * @throws ConcurrentModificationException when the shipment kept changing
     */
    public Optional<Shipment> changeDetails(String shipmentId, Function<Shipment, Optional<Shipment>> change) {
        for (int attempt = 0; attempt < MAX_DETAIL_ATTEMPTS; attempt++) {
            Optional<Shipment> before = get(shipmentId);
            Optional<Shipment> after = before.flatMap(change);
            if (after.isEmpty() || updateDetails(before.get(), after.get())) {
                return after;
            }
        }
        throw new ConcurrentModificationException("shipment " + shipmentId + " kept changing");
    }

    private boolean updateDetails(Shipment before, Shipment after) {
        if (!update(after, before.version())) {
            return false;
        }
        List<String> was = contactKeys(before);
        List<String> now = contactKeys(after);
        was.stream().filter(key -> !now.contains(key)).forEach(key ->
                dynamo.deleteItem(request -> request.tableName(table).key(key(key, Keys.shipment(before.shipmentId())))));
        now.stream().filter(key -> !was.contains(key)).forEach(key ->
                dynamo.putItem(request -> request.tableName(table).item(lookup(key, Keys.shipment(after.shipmentId()), after.shipmentId()))));
        return true;
    }

    private static List<String> contactKeys(Shipment shipment) {
        return shipment.contact() == null ? List.of()
                : shipment.contact().lookupKeys().stream().map(key -> Keys.contact(shipment.tenantId(), key)).toList();
    }

    public Optional<Shipment> get(String shipmentId) {
        return Keys.issued(shipmentId) ? documents.get(key(Keys.shipment(shipmentId), Keys.META)) : Optional.empty();
    }

    public Optional<Shipment> findByToken(String token) {
        if (!Keys.issued(token)) {
            return Optional.empty();
        }
        var item = dynamo.getItem(request -> request.tableName(table).key(key(Keys.token(token), Keys.META))).item();
        return item == null || item.isEmpty() ? Optional.empty() : get(string(item, SHIPMENT_ID));
    }

    /** Every shipment registered for this number: two merchants may ship with the same parcel number. */
    public List<Shipment> findByTracking(String carrier, String trackingNumber) {
        return getAll(idsByTracking(carrier, trackingNumber));
    }

    /** The ids of every shipment registered for this number, from its lookup: one query. */
    public List<String> idsByTracking(String carrier, String trackingNumber) {
        return query(Keys.tracking(carrier, trackingNumber), Keys.SHIPMENT_PREFIX).stream().map(item -> string(item, SHIPMENT_ID)).toList();
    }

    /**
     * Where a shipment's counts stand: the tail they go on from, what its versions added that the figures do not
     * hold yet, and the last version they hold.
     *
     * @param tail null for a shipment whose events were folded before counts were kept: its next count reads its timeline
     */
    public record Tallied(TallyTail tail, Uncounted uncounted, long countedVersion) {
    }

    /** A shipment as stored, what was last announced of it, and where its counts stand. */
    public record Announcing(Shipment shipment, Announced announced, Tallied tallied) {
    }

    /** The shipments with these ids that exist, with what was last announced and counted of each: all in the same BatchGetItem. */
    public Map<String, Announcing> getAllAnnouncing(List<String> shipmentIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        shipmentIds.forEach(id -> {
            keys.add(key(Keys.shipment(id), Keys.META));
            keys.add(AnnouncementStore.keyOf(id));
            keys.add(TallyStore.countedKey(id));
        });
        Map<String, Map<String, AttributeValue>> shipments = new HashMap<>();
        Map<String, Announced> announced = new HashMap<>();
        Map<String, Long> counted = new HashMap<>();
        for (var item : BatchRequests.getAll(dynamo, table, keys)) {
            String id = Keys.shipmentIdOf(string(item, Keys.PK));
            switch (string(item, Keys.SK)) {
                case Keys.META -> shipments.put(id, item);
                case Keys.TALLIED -> counted.put(id, TallyStore.countedVersion(item));
                default -> announced.put(id, AnnouncementStore.read(item));
            }
        }
        Map<String, Announcing> found = new LinkedHashMap<>();
        shipmentIds.stream().filter(shipments::containsKey).forEach(id -> {
            Map<String, AttributeValue> item = shipments.get(id);
            Shipment shipment = Json.read(string(item, DOC), Shipment.class);
            TallyTail tail = item.containsKey(TALLY_TAIL) ? StoredTallies.readTail(string(item, TALLY_TAIL))
                    : shipment.lastEvent() == null ? TallyTail.NONE : null;
            long countedVersion = counted.getOrDefault(id, 0L);
            // versions counted since this shipment was last written are dropped here, so nothing counts twice
            Uncounted uncounted = item.containsKey(UNCOUNTED)
                    ? StoredTallies.readUncounted(string(item, UNCOUNTED)).after(countedVersion) : Uncounted.NONE;
            found.put(id, new Announcing(shipment, announced.getOrDefault(id, Announced.NOTHING),
                    new Tallied(tail, uncounted, countedVersion)));
        });
        return found;
    }

    /**
     * Replaces the shipment if nobody changed it since {@code expectedVersion} was read.
     *
     * @return false when another writer got there first: re-read and decide again
     */
    public boolean update(Shipment shipment, long expectedVersion) {
        return update(shipment, expectedVersion, null, null);
    }

    /**
     * The same with where its counts now stand, written in the same request so that a version and what it adds
     * to the figures are never apart.
     *
     * @param tail      null: leave the stored counting state as it is
     * @param uncounted what the figures do not hold yet, this version's counts included
     */
    public boolean update(Shipment shipment, long expectedVersion, TallyTail tail, Uncounted uncounted) {
        // an update, not a put: a writer that does not count (a merchant's change) must not erase what is pending
        Map<String, AttributeValue> item = shipmentItem(shipment);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":expected", n(expectedVersion)));
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        item.forEach((name, value) -> {
            if (!name.equals(Keys.PK) && !name.equals(Keys.SK)) {
                names.put("#" + name, name);
                values.put(":" + name, value);
                set.add("#" + name + " = :" + name);
            }
        });
        if (shipment.recheckAt() == null) {
            List.of(Keys.DUE_PK, Keys.DUE_SK).forEach(name -> {
                names.put("#" + name, name);
                remove.add("#" + name);
            });
        }
        if (tail != null) {
            names.put("#tail", TALLY_TAIL);
            values.put(":tail", s(StoredTallies.write(tail)));
            set.add("#tail = :tail");
            names.put("#uncounted", UNCOUNTED);
            if (uncounted.isEmpty()) {
                remove.add("#uncounted");
            } else {
                values.put(":uncounted", s(StoredTallies.write(uncounted)));
                set.add("#uncounted = :uncounted");
            }
        }
        names.put("#v", VERSION);
        UpdateItemRequest request = UpdateItemRequest.builder().tableName(table).key(key(Keys.shipment(shipment.shipmentId()), Keys.META))
                .updateExpression("SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove)))
                .conditionExpression("#v = :expected")
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .build();
        try {
            dynamo.updateItem(request);
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Open shipments whose delay verdict is due to be judged again by {@code now}, due within {@code lookBack}:
     * index queries from the hour the last read left off, no scan. Judging one again rewrites its due time.
     */
    public List<String> due(Instant now, Duration lookBack, Deadline deadline) {
        return due.dueBy(now, lookBack, deadline).stream()
                .map(item -> Keys.shipmentIdOf(string(item, Keys.PK)))
                .toList();
    }

    private Map<String, AttributeValue> shipmentItem(Shipment shipment) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.shipment(shipment.shipmentId()), Keys.META));
        item.put(DOC, s(Json.write(shipment)));
        item.put(VERSION, n(shipment.version()));
        item.put(Keys.TENANT_PK, s(Keys.tenant(shipment.tenantId())));
        item.put(Keys.TENANT_SK, s(shipment.updatedAt() + "#" + shipment.shipmentId()));
        if (shipment.recheckAt() != null) {
            item.put(Keys.DUE_PK, s(Keys.dueHour(shipment.recheckAt(), shipment.shipmentId())));
            item.put(Keys.DUE_SK, s(shipment.recheckAt() + "#" + shipment.shipmentId()));
        }
        return item;
    }

    private static Map<String, AttributeValue> lookup(String pk, String sk, String shipmentId) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put(SHIPMENT_ID, s(shipmentId));
        return item;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item).conditionExpression(condition).build())
                .build();
    }

    private List<Map<String, AttributeValue>> query(String pk, String skPrefix) {
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(skPrefix)))
                .consistentRead(true)
                .build();
        return dynamo.queryPaginator(request).items().stream().toList();
    }
}
