package dev.tracklight.core.carriers.dhl;

import dev.tracklight.core.carriers.connect.CarrierConnection;
import dev.tracklight.core.carriers.connect.PollResult;
import dev.tracklight.core.carriers.connect.SourceAnswer;
import dev.tracklight.core.carriers.connect.SourceHttp;
import dev.tracklight.core.carriers.connect.SourceUnavailable;
import dev.tracklight.core.carriers.connect.SubscribeRequest;
import dev.tracklight.core.carriers.connect.SubscriptionState;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DHL Shipment Tracking – Unified with a tenant's own key (events/carriers/dhl/README.md, "What Tracklight
 * calls"): {@code GET /track/shipments?trackingNumber=…} with {@code DHL-API-Key}, answered in the same
 * {@code shipments[]} shape the push carries, so the push's own adapter reads it. The push's subscription body is
 * unverified, so numbers are polled; errors are RFC 7807 problems ({@code title}, {@code detail}).
 */
public final class DhlConnection implements CarrierConnection {

    public static final String API_KEY = "apiKey";
    public static final URI DEFAULT_BASE = URI.create("https://api-eu.dhl.com");

    private final URI base;
    private final SourceHttp http;

    public DhlConnection(URI base, SourceHttp http) {
        this.base = base;
        this.http = http;
    }

    @Override
    public String source() {
        return DhlAdapter.SOURCE;
    }

    @Override
    public List<String> credentialNames() {
        return List.of(API_KEY);
    }

    @Override
    public List<String> carriers() {
        return List.of("dhl", "dhl-ecommerce");
    }

    @Override
    public PollResult poll(SubscribeRequest request, String externalId, Instant receivedAt) throws SourceUnavailable {
        SourceAnswer answer = http.get(SourceHttp.at(base, "/track/shipments?trackingNumber="
                        + URLEncoder.encode(request.trackingNumber(), StandardCharsets.UTF_8)),
                Map.of("DHL-API-Key", request.credentials().getOrDefault(API_KEY, ""))).unlessTemporary("DHL's Shipment Tracking API");
        if (answer.credentialsRefused()) {
            return PollResult.refused(SubscriptionState.CREDENTIALS_REFUSED, "DHL refused the API key (" + answer.status() + "): " + said(answer));
        }
        if (answer.status() == 404) {
            // a number DHL has no scan for yet is "no result found" until its first scan
            return new PollResult(SubscriptionState.POLLED, List.of(), "DHL has no information yet (404): " + said(answer));
        }
        if (!answer.ok()) {
            return PollResult.refused(SubscriptionState.REFUSED, "DHL refused " + request.trackingNumber() + " (" + answer.status() + "): " + said(answer));
        }
        try {
            return PollResult.events(new DhlAdapter().parse(new WebhookRequest(Map.of(), answer.body(), receivedAt)));
        } catch (ProblemException unreadable) {
            throw new SourceUnavailable("DHL's answer could not be read: " + unreadable.problem().detail(), Optional.empty());
        }
    }

    private static String said(SourceAnswer answer) {
        return answer.said("/title", "/detail");
    }
}
