package dev.tracklight.core.endpoint;

import dev.tracklight.core.channels.registry.ChannelAdapters;

/**
 * Where a source's webhooks are received and the secret they are checked with. A tenant's endpoint has its
 * own URL and secret (each merchant's carrier account signs with its own); a platform-wide endpoint
 * ({@code tenantId} null) serves the operator's own aggregator accounts.
 *
 * @param endpointId the URL segment of a tenant's endpoint; null for a platform-wide one
 */
public record WebhookEndpoint(String endpointId, String source, String tenantId, String secret) {

    public static WebhookEndpoint platform(String source, String secret) {
        return new WebhookEndpoint(null, source, null, secret);
    }

    /** The path of this endpoint under the HTTP API: a sales channel's or a carrier source's. */
    public String path() {
        return (ChannelAdapters.isChannel(source) ? "/webhooks/channels/" : "/webhooks/carriers/") + source
                + (endpointId == null ? "" : "/" + endpointId);
    }
}
