package dev.tracklight.aws.store;

import dev.tracklight.core.outbound.WebhookSubscription;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dev.tracklight.aws.store.Attributes.key;

/** Merchants' webhook subscriptions, one item each under {@code TEN#{tenant}}: every read is scoped to a tenant. */
public final class WebhookSubscriptionStore {

    private final VersionedDocuments<WebhookSubscription> items;

    public WebhookSubscriptionStore(DynamoDbClient dynamo, String table) {
        this.items = new VersionedDocuments<>(dynamo, table, WebhookSubscription.class, subscription -> Map.of());
    }

    public void create(WebhookSubscription subscription) {
        if (!items.create(key(subscription.tenantId(), subscription.id()), subscription)) {
            throw new IllegalStateException("subscription " + subscription.id() + " exists");
        }
    }

    /** The tenant's subscriptions, in id order. */
    public List<WebhookSubscription> list(String tenantId) {
        return items.query(Keys.tenant(tenantId), Keys.webhookSubscription(""));
    }

    public Optional<WebhookSubscription> find(String tenantId, String subscriptionId) {
        return items.get(key(tenantId, subscriptionId));
    }

    /** @return the subscription as written; empty when the tenant has none with this id or nothing changed */
    public Optional<WebhookSubscription> change(String tenantId, String subscriptionId,
                                                Function<WebhookSubscription, Optional<WebhookSubscription>> change) {
        return items.change(key(tenantId, subscriptionId), change);
    }

    /** False when the tenant has no subscription with this id. Its deliveries expire by their TTL. */
    public boolean delete(String tenantId, String subscriptionId) {
        return items.delete(key(tenantId, subscriptionId));
    }

    private static Map<String, AttributeValue> key(String tenantId, String subscriptionId) {
        return Attributes.key(Keys.tenant(tenantId), Keys.webhookSubscription(subscriptionId));
    }
}
