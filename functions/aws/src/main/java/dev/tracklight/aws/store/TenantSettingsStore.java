package dev.tracklight.aws.store;

import dev.tracklight.core.tenant.TenantSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/**
 * Each tenant's settings, one item ({@code TEN#{tenant}} / {@code Keys.SETTINGS}). Readers on the event path
 * keep a copy for a minute: a changed threshold applies from the next minute's events.
 */
public final class TenantSettingsStore {

    private final TenantDocument<TenantSettings> settings;

    public TenantSettingsStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.settings = new TenantDocument<>(dynamo, table, Keys.SETTINGS, TenantSettings.class, clock);
    }

    /** The tenant's settings as of at most a minute ago; {@link TenantSettings#NONE} when it has set none. */
    public TenantSettings cached(String tenantId) {
        return settings.cached(tenantId).orElse(TenantSettings.NONE);
    }

    /** The tenant's settings as stored now. */
    public TenantSettings read(String tenantId) {
        return settings.read(tenantId).orElse(TenantSettings.NONE);
    }

    /** Replaces the tenant's settings (already validated). */
    public void write(String tenantId, TenantSettings replacement) {
        settings.write(tenantId, replacement);
    }
}
