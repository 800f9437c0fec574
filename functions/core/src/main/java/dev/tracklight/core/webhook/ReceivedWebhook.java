package dev.tracklight.core.webhook;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A webhook as it arrived, kept for audit and replay: which endpoint took it, the request without the
 * credentials some sources send in clear, and what came of it.
 *
 * @param outcome {@code queued N events} or {@code refused: <problem detail>}
 */
public record ReceivedWebhook(String receiptId, String source, String endpointId, String tenantId, String mediaType,
                              WebhookRequest request, String outcome) {

    /** Headers and query parameters that carry a shared secret in clear (UPS, DHL, URL tokens): never stored. */
    private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "credential", "tracklight-token", "token");

    public ReceivedWebhook {
        request = new WebhookRequest(withoutCredentials(request.headers()), withoutCredentials(request.query()), request.body(),
                request.receivedAt());
    }

    public Instant receivedAt() {
        return request.receivedAt();
    }

    public ReceivedWebhook withOutcome(String newOutcome) {
        return new ReceivedWebhook(receiptId, source, endpointId, tenantId, mediaType, request, newOutcome);
    }

    private static Map<String, String> withoutCredentials(Map<String, String> values) {
        return values.entrySet().stream().filter(e -> !CREDENTIALS.contains(e.getKey().toLowerCase(Locale.ROOT)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
