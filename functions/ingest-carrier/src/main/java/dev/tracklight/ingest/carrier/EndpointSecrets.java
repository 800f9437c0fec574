package dev.tracklight.ingest.carrier;

import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.core.endpoint.WebhookEndpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The webhook endpoints a function instance verified against lately, kept a minute: a busy source's every
 * webhook would otherwise read the same secret again, strongly consistently, from one partition. A rotated
 * secret is read at once when a signature fails against the kept one; the old one verifies for at most the minute.
 */
final class EndpointSecrets {

    static final Duration KEPT = Duration.ofMinutes(1);
    /** Beyond this many endpoints in one instance the oldest are not worth keeping: all are dropped and read again. */
    private static final int MOST = 10_000;

    private final WebhookEndpointStore endpoints;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    EndpointSecrets(WebhookEndpointStore endpoints, Clock clock) {
        this.endpoints = endpoints;
        this.clock = clock;
    }

    private record Kept(WebhookEndpoint endpoint, Instant until) {
    }

    /**
     * The endpoint as kept, or as stored when not kept (or kept too long).
     *
     * @param endpointId a tenant's endpoint, or null for the source's platform-wide one
     */
    Optional<WebhookEndpoint> endpoint(String source, String endpointId) {
        Kept known = kept.get(key(source, endpointId));
        return known != null && clock.instant().isBefore(known.until()) ? Optional.of(known.endpoint()) : stored(source, endpointId);
    }

    /** The endpoint as stored now, kept from here on. */
    Optional<WebhookEndpoint> stored(String source, String endpointId) {
        Optional<WebhookEndpoint> endpoint = endpointId == null ? endpoints.platform(source)
                : endpoints.find(endpointId).filter(found -> found.source().equals(source));
        if (kept.size() >= MOST) {
            kept.clear();
        }
        endpoint.ifPresentOrElse(found -> kept.put(key(source, endpointId), new Kept(found, clock.instant().plus(KEPT))),
                () -> kept.remove(key(source, endpointId)));
        return endpoint;
    }

    private static String key(String source, String endpointId) {
        return source + "\n" + (endpointId == null ? "" : endpointId);
    }
}
