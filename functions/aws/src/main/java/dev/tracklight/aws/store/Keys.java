package dev.tracklight.aws.store;

import dev.tracklight.core.admission.Bounds;
import dev.tracklight.core.analytics.TallyKey;
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
    /** The item beside a shipment that says up to which version its counts are in the console's figures. */
    public static final String TALLIED = "TALLIED";
    /** Beside a shipment's META: its carrier subscription, its poll schedule, and a refresh that is waiting to run. */
    public static final String SUBSCRIPTION = "SUBSCRIPTION";
    public static final String POLL = "POLL";
    public static final String REFRESH = "REFRESH";
    /** A delivered shipment's lesson for its transit engines, kept until the learner has taught it (then a mark). */
    public static final String LESSON = "LESSON";
    /** Beside a tenant's META: its settings, and how its pages look. */
    public static final String SETTINGS = "SETTINGS";
    public static final String BRANDING = "BRANDING";
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

    /** Partition of a shipment; also the sort key under which a number's or an order's index items name it. */
    public static final String SHIPMENT_PREFIX = "SHP#";
    /** Sort keys of a shipment's open WebSocket connections. */
    public static final String CONNECTION_PREFIX = "CONN#";
    /** Sort keys of a tenant's API keys (by key prefix), beside the {@code KEY#<hash>} item that authenticates. */
    public static final String API_KEY_PREFIX = "KEY#";
    /** Sort keys of a tenant's carrier accounts, one per source. */
    public static final String CARRIER_ACCOUNT_PREFIX = "CARRIER#";
    /** Sort keys of a tenant's shipments waiting for a carrier account before they can be subscribed. */
    public static final String WAITING_PREFIX = "WAIT#";
    /** The ETA model every tenant starts from, and where its learning share is counted per tenant and day. */
    public static final String ETA_PRIOR = "ETA#PRIOR";
    public static final String ETA_PRIOR_SHARE_PREFIX = "ETA#PRIOR#SHARE#";
    /** A tenant's own ETA model. */
    public static final String ETA_TENANT_MODEL_PREFIX = "ETA#MODEL#";
    private static final String SUBSCRIPTION_PREFIX = "WHS#";
    private static final String DELIVERY_PREFIX = "DLV#";

    /** Where a schedule's reader marks the hour its next read starts from (see DueIndex). */
    public static String dueMark(String schedule) {
        return "MARK#" + schedule;
    }

    private static final String TALLY_PREFIX = "TALLY#";
    /** Partitions a tenant's figures are spread over: each takes 1,000 writes a second. */
    public static final int TALLY_SHARDS = 4;

    /** A shard of a tenant's figures; its items sort by day. */
    public static String tally(String tenantId, int shard) {
        return TALLY_PREFIX + tenantId + "#" + shard;
    }

    /** The figures of a lane ({@code L}) or of a facility on it ({@code F}) on a day. */
    public static String tallySort(TallyKey key) {
        return key.day() + (key.isFacility() ? "#F#" : "#L#") + key.carrier() + "#" + key.lane()
                + (key.isFacility() ? "#" + key.facility() : "");
    }

    public static String shipment(String shipmentId) {
        return SHIPMENT_PREFIX + shipmentId;
    }

    /** The shipment id a {@code SHP#} key names. */
    public static String shipmentIdOf(String key) {
        return key.substring(SHIPMENT_PREFIX.length());
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

    /** The number a buyer was given for an order (normalized, see {@code OrderNumbers}): names the order's id. */
    public static String orderNumber(String tenantId, String normalizedNumber) {
        return "ONUM#" + tenantId + "#" + normalizedNumber;
    }

    /** An order's public page token: names the order ({@code ORD#…} META) it shows. */
    public static String orderToken(String token) {
        return "OTOK#" + token;
    }

    /** Beside a shipment's META: a consumer subscribed to its updates (by channel and hashed address). */
    public static final String NOTIFY_SUBSCRIBER_PREFIX = "NSUB#";

    public static String notifySubscriber(String channel, String addressHash) {
        return NOTIFY_SUBSCRIBER_PREFIX + channel + "#" + addressHash;
    }

    /** Beside a shipment's META: a moment told to one subscriber (by the subscriber's token), so it is told once. */
    public static String notifySent(String moment, String subscriberToken) {
        return "NSENT#" + moment + "#" + subscriberToken;
    }

    /** A subscriber's token (in every link of every message): names its subscription. */
    public static String notifyToken(String token) {
        return "NTOK#" + token;
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
        return CONNECTION_PREFIX + connectionId;
    }

    public static String apiKey(String keyHash) {
        return API_KEY_PREFIX + keyHash;
    }

    /** A tenant's API key by its visible prefix, under the tenant: lists and revokes keys without their secret. */
    public static String tenantApiKey(String keyPrefix) {
        return API_KEY_PREFIX + keyPrefix;
    }

    /** Requests of one source in one window, under the tenant: the per-source quota's counter. */
    public static String sourceQuota(String source, Instant window) {
        return "QUOTA#" + source + "#" + window;
    }

    /** A sales channel's order, fulfilment and delivery notice, as the channel numbers them within a tenant. */
    public static String channelOrder(String tenantId, String channel, String orderId) {
        return "CORD#" + tenantId + "#" + channel + "#" + orderId;
    }

    public static String channelFulfillment(String tenantId, String channel, String fulfillmentId) {
        return "CFUL#" + tenantId + "#" + channel + "#" + fulfillmentId;
    }

    public static String channelDelivery(String tenantId, String channel, String deliveryId) {
        return "CDLV#" + tenantId + "#" + channel + "#" + deliveryId;
    }

    public static String webhookSource(String source) {
        return "SRC#" + source;
    }

    public static String webhookEndpoint(String endpointId) {
        return "HOOK#" + endpointId;
    }

    /** A merchant's webhook subscription, under its tenant; also the partition of its deliveries. */
    public static String webhookSubscription(String subscriptionId) {
        return SUBSCRIPTION_PREFIX + subscriptionId;
    }

    /** The subscription id a {@code WHS#} key names. */
    public static String subscriptionIdOf(String key) {
        return key.substring(SUBSCRIPTION_PREFIX.length());
    }

    /** One event's delivery, under its subscription: keyed by the event id, so an event is delivered once. */
    public static String webhookDelivery(String eventId) {
        return DELIVERY_PREFIX + eventId;
    }

    /** Whether a sort key is a delivery's, and the event id it names. */
    public static boolean isWebhookDelivery(String key) {
        return key.startsWith(DELIVERY_PREFIX);
    }

    public static String deliveredEventIdOf(String key) {
        return key.substring(DELIVERY_PREFIX.length());
    }

    /** The tenant-index partition listing a subscription's deliveries, newest first. */
    public static String webhookDeliveries(String subscriptionId) {
        return "WHD#" + subscriptionId;
    }

    /**
     * How many partitions an hour's bucket is spread over: one partition key takes 1,000 writes a second, so
     * an hour's raw bodies, due shipments, polls or retries on one key would throttle ingest and every
     * shipment write (docs/capacity.md). Readers query every shard of the hours they read.
     */
    public static final int HOUR_SHARDS = 16;
    private static final String RAW = "RAW#";
    private static final String DUE = "DUE#";
    private static final String POLL_DUE = "POLL#";
    private static final String DELIVERY_DUE = "WDUE#";
    private static final String LESSON_DUE = "LEARN#";

    /** A raw webhook, under the hour it was received and the shard its receipt id falls in: a replay reads one item. */
    public static String rawHour(Instant receivedAt, String receiptId) {
        return sharded(RAW, receivedAt, receiptId);
    }

    public static List<String> rawHourShards(Instant hour) {
        return shards(RAW, hour);
    }

    /** A shipment's due time for its delay verdict, {@code DUE#2026-11-22T05#a}: a watchdog run reads a few hours. */
    public static String dueHour(Instant due, String shipmentId) {
        return sharded(DUE, due, shipmentId);
    }

    public static List<String> dueHourShards(Instant hour) {
        return shards(DUE, hour);
    }

    /** A shipment's next poll at its source: apart from the other due hours, same index. */
    public static String pollDueHour(Instant due, String shipmentId) {
        return sharded(POLL_DUE, due, shipmentId);
    }

    public static List<String> pollDueHourShards(Instant hour) {
        return shards(POLL_DUE, hour);
    }

    /** A pending outbound delivery's next attempt: apart from shipments' due hours, same index. */
    public static String deliveryDueHour(Instant due, String eventId) {
        return sharded(DELIVERY_DUE, due, eventId);
    }

    public static List<String> deliveryDueHourShards(Instant hour) {
        return shards(DELIVERY_DUE, hour);
    }

    /** A lesson not taught yet, under the hour it was kept: the learner reads the last day's. */
    public static String lessonHour(Instant kept, String shipmentId) {
        return sharded(LESSON_DUE, kept, shipmentId);
    }

    public static List<String> lessonHourShards(Instant hour) {
        return shards(LESSON_DUE, hour);
    }

    private static String sharded(String bucket, Instant instant, String id) {
        return bucket + hour(instant) + "#" + shard(id);
    }

    /** The id's hash with its bits mixed (ids differ in a few characters; String's hash leaves its low bits alike). */
    private static String shard(String id) {
        int h = id.hashCode();
        h = (h ^ (h >>> 16)) * 0x45d9f3b;
        h = (h ^ (h >>> 16)) * 0x45d9f3b;
        return Integer.toHexString(Math.floorMod(h ^ (h >>> 16), HOUR_SHARDS));
    }

    /**
     * Every partition an hour's bucket may be under: its shards, and the bucket itself, where items written
     * before the buckets were sharded stay until they expire or are rewritten.
     */
    private static List<String> shards(String bucket, Instant hour) {
        String unsharded = bucket + hour(hour);
        return Stream.concat(IntStream.range(0, HOUR_SHARDS).mapToObj(shard -> unsharded + "#" + Integer.toHexString(shard)), Stream.of(unsharded))
                .toList();
    }

    /** {@code 2026-11-22T05}: the hour an instant falls in, as the bucket keys name it. */
    private static String hour(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS).toString().substring(0, 13);
    }
}
