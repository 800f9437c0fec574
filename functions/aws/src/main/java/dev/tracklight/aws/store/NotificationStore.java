package dev.tracklight.aws.store;

import dev.tracklight.core.ids.Sha256;
import dev.tracklight.core.notify.Moment;
import dev.tracklight.core.notify.NotifyChannel;
import dev.tracklight.core.notify.Subscriber;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * Consumers subscribed to a parcel's updates ({@code SHP#{id}} / {@code NSUB#{channel}#{hash of the address}}), the
 * token each one's links carry ({@code NTOK#{token}}), the hashed address that finds them for a privacy request
 * ({@code CON#{tenant}#{key}} / {@code NSUB#{token}}), and which moment each was told ({@code NSENT#{moment}#{token}}:
 * by token, so nothing of the address outlives the sign-up). Addresses
 * are personal data: every item expires, the subscription a few months after it was made.
 */
public final class NotificationStore {

    /** Long enough for any journey and its return; an address is not kept for longer. */
    static final Duration KEPT = Duration.ofDays(120);
    private static final String TENANT_ID = "tenantId";
    private static final String SHIPMENT_ID = "shipmentId";
    private static final String SUBSCRIBER = "subscriber";
    private static final String CHANNEL = "channel";
    private static final String ADDRESS = "address";
    private static final String LOCALE = "locale";
    private static final String CONFIRMED = "confirmed";
    private static final String TOKEN = "token";
    private static final String CREATED_AT = "createdAt";
    private static final String CLAIMED_AT = "claimedAt";
    private static final String TOLD = "told";
    /** Longer than a send can take (the functions' 15 s timeout, with the SDK's retries inside it). */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(60);
    /** Two identical sign-ups at once: the loser of the transaction reads the winner's, which may take a moment to show. */
    private static final int READS_AFTER_CONFLICT = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public NotificationStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** The sort key of a subscriber: one per address and channel, however it was typed. */
    public static String keyOf(NotifyChannel channel, String address) {
        return Keys.notifySubscriber(channel.name(), Sha256.hex(address.trim().toLowerCase(Locale.ROOT)));
    }

    /** Keeps a new subscriber; one already subscribed with this address is returned as it is (asking again changes nothing). */
    public Subscriber subscribe(Subscriber wanted) {
        String sk = keyOf(wanted.channel(), wanted.address());
        long expires = clock.instant().plus(KEPT).getEpochSecond();
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.shipment(wanted.shipmentId()), sk));
        item.put(TENANT_ID, s(wanted.tenantId()));
        item.put(SHIPMENT_ID, s(wanted.shipmentId()));
        item.put(CHANNEL, s(wanted.channel().name()));
        item.put(ADDRESS, s(wanted.address()));
        item.put(LOCALE, s(wanted.locale()));
        item.put(CONFIRMED, AttributeValue.fromBool(wanted.confirmed()));
        item.put(TOKEN, s(wanted.token()));
        item.put(CREATED_AT, n(wanted.createdAt().toEpochMilli()));
        item.put(Keys.TTL, n(expires));
        Map<String, AttributeValue> byToken = new HashMap<>(key(Keys.notifyToken(wanted.token()), Keys.META));
        byToken.put(SHIPMENT_ID, s(wanted.shipmentId()));
        byToken.put(SUBSCRIBER, s(sk));
        byToken.put(Keys.TTL, n(expires));
        // found by the consumer's hashed address, beside the shipments sent to it, for privacy requests
        Map<String, AttributeValue> byContact = new HashMap<>(key(Keys.contact(wanted.tenantId(), wanted.lookupKey()),
                Keys.NOTIFY_SUBSCRIBER_PREFIX + wanted.token()));
        byContact.put(TOKEN, s(wanted.token()));
        byContact.put(Keys.TTL, n(expires));
        try {
            dynamo.transactWriteItems(request -> request.transactItems(putNew(item), putNew(byToken), putNew(byContact)));
            return wanted;
        } catch (TransactionCanceledException known) {
            for (int read = 0; read < READS_AFTER_CONFLICT; read++) {
                Optional<Subscriber> first = get(wanted.shipmentId(), sk);
                if (first.isPresent()) {
                    return first.get();
                }
                pause();
            }
            throw known;
        }
    }

    public Optional<Subscriber> findByToken(String token) {
        if (!Keys.issued(token)) {
            return Optional.empty();
        }
        var item = dynamo.getItem(request -> request.tableName(table).key(key(Keys.notifyToken(token), Keys.META))).item();
        return item == null || item.isEmpty() ? Optional.empty() : get(string(item, SHIPMENT_ID), string(item, SUBSCRIBER));
    }

    /** Every subscription of this hashed address within the tenant ({@code Subscriber#lookupKey}), for export or erasure. */
    public List<Subscriber> heldFor(String tenantId, String lookupKey) {
        return dynamo.queryPaginator(request -> request.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.contact(tenantId, lookupKey)), ":prefix", s(Keys.NOTIFY_SUBSCRIBER_PREFIX))))
                .items().stream().map(item -> findByToken(string(item, TOKEN))).flatMap(Optional::stream).toList();
    }

    /** Every subscriber of the shipment, confirmed or not: one query of its partition's {@code NSUB#} items. */
    public List<Subscriber> subscribers(String shipmentId) {
        return dynamo.queryPaginator(request -> request.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.shipment(shipmentId)), ":prefix", s(Keys.NOTIFY_SUBSCRIBER_PREFIX))))
                .items().stream().map(NotificationStore::subscriber).toList();
    }

    /** Confirms the sign-up; false when it was stopped meanwhile. */
    public boolean confirm(Subscriber subscriber) {
        try {
            dynamo.updateItem(request -> request.tableName(table)
                    .key(key(Keys.shipment(subscriber.shipmentId()), keyOf(subscriber.channel(), subscriber.address())))
                    .updateExpression("SET #confirmed = :yes").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#confirmed", CONFIRMED)).expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
            return true;
        } catch (ConditionalCheckFailedException stopped) {
            return false;
        }
    }

    /** Ends a subscription: the address, its token and its privacy lookup are deleted, not marked. */
    public void remove(Subscriber subscriber) {
        String sk = keyOf(subscriber.channel(), subscriber.address());
        dynamo.transactWriteItems(request -> request.transactItems(
                delete(key(Keys.shipment(subscriber.shipmentId()), sk)), delete(key(Keys.notifyToken(subscriber.token()), Keys.META)),
                delete(key(Keys.contact(subscriber.tenantId(), subscriber.lookupKey()), Keys.NOTIFY_SUBSCRIBER_PREFIX + subscriber.token()))));
    }

    /** What a claim on telling a subscriber a moment found. */
    public enum Claim {
        /** Yours to send; mark it {@link #told} once sent, or give it back. */
        CLAIMED,
        /** Sent already. */
        TOLD,
        /** Being sent by another attempt right now: try again later (its lease may still run out unsent). */
        BUSY
    }

    /**
     * Claims telling this subscriber this moment, keyed by the subscriber's token (no address in it). A claim not marked
     * told within {@link #CLAIM_LEASE} (a send cut off by a timeout) is free again, so the moment is never lost to a crash.
     */
    public Claim claim(Subscriber subscriber, Moment moment) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.shipment(subscriber.shipmentId()), Keys.notifySent(moment.name(), subscriber.token())));
        item.put(CLAIMED_AT, n(now.toEpochMilli()));
        item.put(Keys.TTL, n(now.plus(KEPT).getEpochSecond()));
        try {
            dynamo.putItem(request -> request.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR (attribute_not_exists(#told) AND #claimed < :expired)")
                    .expressionAttributeNames(Map.of("#told", TOLD, "#claimed", CLAIMED_AT))
                    .expressionAttributeValues(Map.of(":expired", n(now.minus(CLAIM_LEASE).toEpochMilli()))));
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException taken) {
            return told(subscriber, moment) ? Claim.TOLD : Claim.BUSY;
        }
    }

    /** Whether the subscriber was told this moment (sent, not merely claimed). */
    public boolean told(Subscriber subscriber, Moment moment) {
        var item = dynamo.getItem(request -> request.tableName(table).consistentRead(true)
                .key(key(Keys.shipment(subscriber.shipmentId()), Keys.notifySent(moment.name(), subscriber.token())))).item();
        return item != null && item.containsKey(TOLD);
    }

    /** Marks a claimed moment sent: from now on nobody sends it again. */
    public void markTold(Subscriber subscriber, Moment moment) {
        dynamo.updateItem(request -> request.tableName(table)
                .key(key(Keys.shipment(subscriber.shipmentId()), Keys.notifySent(moment.name(), subscriber.token())))
                .updateExpression("SET #told = :yes").expressionAttributeNames(Map.of("#told", TOLD))
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
    }

    /** Gives a claim back when the message could not be sent, so the retry sends it. */
    public void release(Subscriber subscriber, Moment moment) {
        dynamo.deleteItem(request -> request.tableName(table).key(key(Keys.shipment(subscriber.shipmentId()),
                Keys.notifySent(moment.name(), subscriber.token()))));
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Subscriber> get(String shipmentId, String sk) {
        var item = dynamo.getItem(request -> request.tableName(table).consistentRead(true).key(key(Keys.shipment(shipmentId), sk))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(subscriber(item));
    }

    private static Subscriber subscriber(Map<String, AttributeValue> item) {
        return new Subscriber(string(item, TENANT_ID), string(item, SHIPMENT_ID), NotifyChannel.valueOf(string(item, CHANNEL)),
                string(item, ADDRESS), string(item, LOCALE),
                Boolean.TRUE.equals(item.get(CONFIRMED).bool()), string(item, TOKEN), Instant.ofEpochMilli(Long.parseLong(item.get(CREATED_AT).n())));
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> itemKey) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(itemKey).build()).build();
    }
}
