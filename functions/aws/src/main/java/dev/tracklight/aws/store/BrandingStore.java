package dev.tracklight.aws.store;

import dev.tracklight.core.tenant.Branding;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Optional;

/**
 * Each tenant's branding, one item ({@code TEN#{tenant}} / {@code Keys.BRANDING}). The public tracking page reads
 * it on every load, so readers keep a copy for a minute: a new logo shows from the next minute.
 */
public final class BrandingStore {

    private final TenantDocument<Branding> branding;

    public BrandingStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.branding = new TenantDocument<>(dynamo, table, Keys.BRANDING, Branding.class, clock);
    }

    /** The tenant's branding as of at most a minute ago; empty when it has set none. */
    public Optional<Branding> cached(String tenantId) {
        return branding.cached(tenantId);
    }

    /** The tenant's branding as stored now. */
    public Optional<Branding> read(String tenantId) {
        return branding.read(tenantId);
    }

    /** Replaces the tenant's branding (already validated). */
    public void write(String tenantId, Branding replacement) {
        branding.write(tenantId, replacement);
    }

    /** Removes it: the pages show Tracklight's own look again. */
    public void remove(String tenantId) {
        branding.remove(tenantId);
    }
}
