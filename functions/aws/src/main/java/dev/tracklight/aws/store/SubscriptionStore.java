package dev.tracklight.aws.store;

import dev.tracklight.core.carriers.connect.Subscription;
import dev.tracklight.core.carriers.connect.SubscriptionState;
import dev.tracklight.core.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

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
 * A shipment's subscription at its source, in the shipment's partition ({@code SHP#{id}} / {@code SUBSCRIPTION})
 * but its own item: the subscriber writes it without racing the processor for the shipment's version.
 */
public final class SubscriptionStore {

    private static final String DOC = "doc";
    private static final String AT = "at";
    private static final String STATE = "state";

    private final DynamoDbClient dynamo;
    private final String table;

    public SubscriptionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Optional<Subscription> get(String shipmentId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(Keys.shipment(shipmentId), Keys.SUBSCRIPTION)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Json.read(string(item, DOC), Subscription.class));
    }

    /**
     * Claims a merchant's "refresh now" for the shipment: true at most once per {@code interval}, shared by every
     * instance of the API.
     */
    public boolean claimRefresh(String shipmentId, Instant now, Duration interval) {
        var item = new HashMap<>(key(Keys.shipment(shipmentId), Keys.REFRESH));
        item.put(AT, n(now.getEpochSecond()));
        try {
            dynamo.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(#at) OR #at <= :cutoff")
                    .expressionAttributeNames(Map.of("#at", AT))
                    .expressionAttributeValues(Map.of(":cutoff", n(now.minus(interval).getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException tooSoon) {
            return false;
        }
    }

    /**
     * Notes a shipment that no account of its tenant can follow yet (none, or refused credentials), so storing an
     * account subscribes it ({@code TEN#{tenant}} / {@code WAIT#{shipment}}).
     */
    public void waitForAccount(String tenantId, String shipmentId) {
        dynamo.putItem(request -> request.tableName(table).item(key(Keys.tenant(tenantId), Keys.WAITING_PREFIX + shipmentId)));
    }

    /** The shipments waiting for an account of the tenant, each removed from the list as it is returned. */
    public List<String> takeWaiting(String tenantId) {
        List<String> waiting = dynamo.queryPaginator(request -> request.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :wait)")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.tenant(tenantId)), ":wait", s(Keys.WAITING_PREFIX))))
                .items().stream().map(item -> item.get("sk").s().substring(Keys.WAITING_PREFIX.length())).toList();
        waiting.forEach(shipmentId -> dynamo.deleteItem(request -> request.tableName(table).key(key(Keys.tenant(tenantId), Keys.WAITING_PREFIX + shipmentId))));
        return waiting;
    }

    /**
     * Keeps the subscription, unless it already ended: an ended one stays so, whatever a late poll or retried request
     * would write over it.
     *
     * @return false when it had ended and was left as it was
     */
    public boolean put(String shipmentId, Subscription subscription) {
        var item = new HashMap<>(key(Keys.shipment(shipmentId), Keys.SUBSCRIPTION));
        item.put(DOC, s(Json.write(subscription)));
        item.put(STATE, s(subscription.state().name()));
        try {
            dynamo.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(#state) OR #state <> :ended")
                    .expressionAttributeNames(Map.of("#state", STATE)).expressionAttributeValues(Map.of(":ended", s(SubscriptionState.ENDED.name()))));
            return true;
        } catch (ConditionalCheckFailedException ended) {
            return false;
        }
    }
}
