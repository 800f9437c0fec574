package dev.tracklight.aws.store;

import dev.tracklight.core.json.Json;
import dev.tracklight.core.tenant.TenantSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * Each tenant's settings, one item ({@code TEN#{tenant}} / {@code Keys.SETTINGS}). Readers on the event path
 * keep a copy for a minute: a changed threshold applies from the next minute's events, and a busy tenant
 * costs one read a minute instead of one per event.
 */
public final class TenantSettingsStore {

    private static final String DOC = "doc";
    private static final Duration CACHE = Duration.ofMinutes(1);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Map<String, Cached> cache = new HashMap<>();

    public TenantSettingsStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    private record Cached(TenantSettings settings, Instant readAt) {
    }

    /** The tenant's settings as of at most a minute ago; {@link TenantSettings#NONE} when it has set none. */
    public synchronized TenantSettings cached(String tenantId) {
        Cached held = cache.get(tenantId);
        if (held == null || Duration.between(held.readAt(), clock.instant()).compareTo(CACHE) > 0) {
            held = new Cached(read(tenantId), clock.instant());
            cache.put(tenantId, held);
        }
        return held.settings();
    }

    /** The tenant's settings as stored now. */
    public TenantSettings read(String tenantId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(Keys.tenant(tenantId), Keys.SETTINGS)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? TenantSettings.NONE : Json.read(string(item, DOC), TenantSettings.class);
    }

    /** Replaces the tenant's settings (already validated). */
    public synchronized void write(String tenantId, TenantSettings settings) {
        var item = new HashMap<>(key(Keys.tenant(tenantId), Keys.SETTINGS));
        item.put(DOC, s(Json.write(settings)));
        dynamo.putItem(request -> request.tableName(table).item(item));
        cache.remove(tenantId);
    }
}
