package dev.tracklight.aws.store;

import dev.tracklight.core.admission.Bounds;
import dev.tracklight.core.model.TrackingEvent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The single-table key design of docs/design.md §2, in one place. */
public final class Keys {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String META = "META";
    /** Beside a shipment's META: the version last announced (see AnnouncementStore). */
    public static final String ANNOUNCED = "ANNOUNCED";
    /** Sort keys of a timeline's events, and of the events kept for an unregistered number. */
    public static final String EVENT_PREFIX = "EVT#";
    /** DynamoDB's TTL attribute, epoch seconds. */
    public static final String TTL = "ttl";
    /** Index of a tenant's shipments by last update (merchant API listing). */
    public static final String TENANT_INDEX = "byTenant";
    public static final String TENANT_PK = "tenantPk";
    public static final String TENANT_SK = "tenantSk";
    /** Index of open shipments by the hour their stage SLA runs out (sla-watchdog, no scans). */
    public static final String DUE_INDEX = "byDueHour";
    public static final String DUE_PK = "duePk";
    public static final String DUE_SK = "dueSk";

    private Keys() {
    }

    /** Ids and tokens longer than any we issue name nothing: answered without a read, which DynamoDB may refuse. */
    public static boolean issued(String id) {
        return id != null && !id.isEmpty() && id.length() <= Bounds.ISSUED_ID;
    }

    public static String shipment(String shipmentId) {
        return "SHP#" + shipmentId;
    }

    public static String tracking(String carrier, String trackingNumber) {
        return "TRK#" + carrier + "#" + trackingNumber;
    }

    public static String token(String token) {
        return "TOK#" + token;
    }

    public static String order(String tenantId, String orderId) {
        return "ORD#" + tenantId + "#" + orderId;
    }

    /** A tracking number within one tenant, whatever the carrier: the merchant's lookup by number. */
    public static String tenantTracking(String tenantId, String trackingNumber) {
        return "TN#" + tenantId + "#" + trackingNumber;
    }

    /** A consumer's hashed e-mail or phone within one tenant: finds its shipments for privacy requests. */
    public static String contact(String tenantId, String lookupKey) {
        return "CON#" + tenantId + "#" + lookupKey;
    }

    /** A tenant's idempotency key, as sent in {@code Idempotency-Key}. */
    public static String idempotency(String tenantId, String key) {
        return "IDEM#" + tenantId + "#" + key;
    }

    public static String tenant(String tenantId) {
        return "TEN#" + tenantId;
    }

    public static String event(TrackingEvent event) {
        return EVENT_PREFIX + event.occurredAt() + "#" + event.eventId();
    }

    public static String connection(String connectionId) {
        return "CONN#" + connectionId;
    }

    public static String apiKey(String keyHash) {
        return "KEY#" + keyHash;
    }

    public static String webhookSource(String source) {
        return "SRC#" + source;
    }

    public static String webhookEndpoint(String endpointId) {
        return "HOOK#" + endpointId;
    }

    /** A merchant's webhook subscription, under its tenant; also the partition of its deliveries. */
    public static String webhookSubscription(String subscriptionId) {
        return "WHS#" + subscriptionId;
    }

    /** One event's delivery, under its subscription: keyed by the event id, so an event is delivered once. */
    public static String webhookDelivery(String eventId) {
        return "DLV#" + eventId;
    }

    /** The tenant-index partition listing a subscription's deliveries, newest first. */
    public static String webhookDeliveries(String subscriptionId) {
        return "WHD#" + subscriptionId;
    }

    /** The hour bucket of a pending delivery's next attempt: apart from shipments' due hours, same index. */
    public static String deliveryDueHour(Instant due) {
        return "WDUE#" + hour(due);
    }

    /**
     * How many partitions an hour's raw bodies and due shipments are spread over: one partition key takes
     * 1,000 writes a second, so an hour's bucket on one key would throttle ingest and every shipment write
     * (docs/capacity.md). Readers query every shard of the hours they read.
     */
    public static final int HOUR_SHARDS = 16;

    /** A raw webhook, under the hour it was received and the shard its receipt id falls in: a replay reads one item. */
    public static String rawHour(Instant receivedAt, String receiptId) {
        return "RAW#" + hour(receivedAt) + "#" + shard(receiptId);
    }

    /** Every partition an hour's raw webhooks may be under, the unsharded one older versions wrote included. */
    public static List<String> rawHourShards(Instant hour) {
        return shards("RAW#" + hour(hour));
    }

    /** The hour bucket of a shipment's due time and its shard, {@code DUE#2026-11-22T05#a}: a watchdog run reads a few hours. */
    public static String dueHour(Instant due, String shipmentId) {
        return "DUE#" + hour(due) + "#" + shard(shipmentId);
    }

    /** Every index partition of an hour's due shipments, the unsharded one older versions wrote included. */
    public static List<String> dueHourShards(Instant hour) {
        return shards("DUE#" + hour(hour));
    }

    /** The id's hash with its bits mixed (ids differ in a few characters; String's hash leaves its low bits alike). */
    private static String shard(String id) {
        int h = id.hashCode();
        h = (h ^ (h >>> 16)) * 0x45d9f3b;
        h = (h ^ (h >>> 16)) * 0x45d9f3b;
        return Integer.toHexString(Math.floorMod(h ^ (h >>> 16), HOUR_SHARDS));
    }

    /** The bucket's shards, and the bucket itself: items written before the buckets were sharded stay there until they expire or are rewritten. */
    private static List<String> shards(String bucket) {
        return Stream.concat(IntStream.range(0, HOUR_SHARDS).mapToObj(shard -> bucket + "#" + Integer.toHexString(shard)), Stream.of(bucket))
                .toList();
    }

    /** The hour bucket of a shipment's next poll at its source: apart from the other due hours, same index. */
    public static String pollDueHour(Instant due) {
        return "POLL#" + hour(due);
    }

    /** {@code 2026-11-22T05}: the hour an instant falls in, as the bucket keys name it. */
    private static String hour(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS).toString().substring(0, 13);
    }
}
