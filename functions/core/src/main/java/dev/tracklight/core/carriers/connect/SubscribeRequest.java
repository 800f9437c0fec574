package dev.tracklight.core.carriers.connect;

import java.util.Map;

/**
 * One number to follow at a source, with the tenant's own account there: nothing in it belongs to another tenant.
 *
 * @param credentials the tenant's credentials for the source, by the names the connection declares
 * @param callback    the tenant's own webhook endpoint for this source, for sources that take one per call; null for a poll
 */
public record SubscribeRequest(String tenantId, String carrier, String trackingNumber, Map<String, String> credentials,
                               Callback callback) {

    /** Where the source pushes for this tenant, and the secret it signs with (Kuaidi100's {@code salt}). */
    public record Callback(String url, String secret) {
    }
}
