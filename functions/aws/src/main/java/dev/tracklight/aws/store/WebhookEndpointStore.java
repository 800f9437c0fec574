package dev.tracklight.aws.store;

import dev.tracklight.core.ids.RandomIds;
import dev.tracklight.core.endpoint.WebhookEndpoint;
import dev.tracklight.core.webhook.WebhookSecrets;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * Webhook endpoints and their secrets: {@code SRC#{source}} for the platform-wide endpoint of a source,
 * {@code HOOK#{endpointId}} for a tenant's own.
 */
public final class WebhookEndpointStore {

    private static final String SECRET = "secret";
    private static final String SOURCE = "source";
    private static final String TENANT = "tenantId";

    private final DynamoDbClient dynamo;
    private final String table;

    public WebhookEndpointStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Optional<WebhookEndpoint> platform(String source) {
        return read(Keys.webhookSource(source), SECRET).map(item -> WebhookEndpoint.platform(source, string(item, SECRET)));
    }

    public Optional<WebhookEndpoint> find(String endpointId) {
        if (!Keys.issued(endpointId)) {
            return Optional.empty();
        }
        return read(Keys.webhookEndpoint(endpointId), Keys.META)
                .map(item -> new WebhookEndpoint(endpointId, string(item, SOURCE), string(item, TENANT), string(item, SECRET)));
    }

    /** @throws IllegalArgumentException for a secret {@link WebhookSecrets} refuses */
    public void putPlatform(String source, String secret) {
        var item = new HashMap<>(key(Keys.webhookSource(source), SECRET));
        item.put(SECRET, s(WebhookSecrets.require(secret)));
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

    /**
     * A new endpoint for one tenant and source; {@code secret} null draws one (for sources that take ours).
     *
     * @throws IllegalArgumentException for a secret {@link WebhookSecrets} refuses
     */
    public WebhookEndpoint create(String tenantId, String source, String secret) {
        var endpoint = new WebhookEndpoint(RandomIds.webhookEndpointId(), source, tenantId,
                secret == null ? RandomIds.webhookSecret() : WebhookSecrets.require(secret));
        var item = new HashMap<>(key(Keys.webhookEndpoint(endpoint.endpointId()), Keys.META));
        item.put(SOURCE, s(source));
        item.put(TENANT, s(tenantId));
        item.put(SECRET, s(endpoint.secret()));
        dynamo.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        return endpoint;
    }

    /** Replaces a tenant endpoint's secret: for sources that sign with the tenant's own credential, when it is rotated. */
    public void replaceSecret(String endpointId, String secret) {
        read(Keys.webhookEndpoint(endpointId), Keys.META).ifPresent(item -> {
            var next = new HashMap<>(item);
            next.put(SECRET, s(WebhookSecrets.require(secret)));
            dynamo.putItem(request -> request.tableName(table).item(next));
        });
    }

    private Optional<Map<String, AttributeValue>> read(String pk, String sk) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(pk, sk)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
