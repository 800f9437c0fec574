package dev.tracklight.aws.store;

import dev.tracklight.core.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * One JSON document per tenant under a sort key of its own ({@code TEN#{tenant}} / {@code sortKey}). Readers on a
 * hot path keep a copy for a minute: a change applies from the next minute, and a busy tenant costs one read a
 * minute instead of one per request.
 */
final class TenantDocument<T> {

    private static final String DOC = "doc";
    private static final Duration CACHE = Duration.ofMinutes(1);

    private final DynamoDbClient dynamo;
    private final String table;
    private final String sortKey;
    private final Class<T> type;
    private final Clock clock;
    private final Map<String, Cached<T>> cache = new HashMap<>();

    TenantDocument(DynamoDbClient dynamo, String table, String sortKey, Class<T> type, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.sortKey = sortKey;
        this.type = type;
        this.clock = clock;
    }

    private record Cached<T>(Optional<T> document, Instant readAt) {
    }

    /** The tenant's document as of at most a minute ago. */
    synchronized Optional<T> cached(String tenantId) {
        Cached<T> held = cache.get(tenantId);
        if (held == null || Duration.between(held.readAt(), clock.instant()).compareTo(CACHE) > 0) {
            held = new Cached<>(read(tenantId), clock.instant());
            cache.put(tenantId, held);
        }
        return held.document();
    }

    /** The tenant's document as stored now. */
    Optional<T> read(String tenantId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(Keys.tenant(tenantId), sortKey)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Json.read(string(item, DOC), type));
    }

    /** Replaces the tenant's document (already validated). */
    synchronized void write(String tenantId, T document) {
        var item = new HashMap<>(key(Keys.tenant(tenantId), sortKey));
        item.put(DOC, s(Json.write(document)));
        dynamo.putItem(request -> request.tableName(table).item(item));
        cache.remove(tenantId);
    }

    /** Forgets the tenant's document. */
    synchronized void remove(String tenantId) {
        dynamo.deleteItem(request -> request.tableName(table).key(key(Keys.tenant(tenantId), sortKey)));
        cache.remove(tenantId);
    }
}
