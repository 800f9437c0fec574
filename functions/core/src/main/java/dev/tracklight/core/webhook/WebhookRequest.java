package dev.tracklight.core.webhook;

import jakarta.json.bind.annotation.JsonbCreator;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An inbound webhook as the domain sees it: header names lower-cased, the query string's parameters (some
 * sources can only be authenticated by a token in the URL), the raw body as received.
 */
public record WebhookRequest(Map<String, String> headers, Map<String, String> query, String body, Instant receivedAt) {

    @JsonbCreator // kept raw webhooks are read back as JSON, and this record has two constructors
    public WebhookRequest {
        headers = headers == null ? Map.of() : headers.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue,
                        (first, second) -> first));
        query = query == null ? Map.of() : Map.copyOf(query);
        body = body == null ? "" : body;
    }

    public WebhookRequest(Map<String, String> headers, String body, Instant receivedAt) {
        this(headers, Map.of(), body, receivedAt);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
