package dev.tracklight.core.carriers.shippo;

import dev.tracklight.core.carriers.SharedToken;
import dev.tracklight.core.carriers.connect.CarrierConnection;
import dev.tracklight.core.carriers.connect.PollResult;
import dev.tracklight.core.carriers.connect.RateLimit;
import dev.tracklight.core.carriers.connect.SourceAnswer;
import dev.tracklight.core.carriers.connect.SourceHttp;
import dev.tracklight.core.carriers.connect.SourceUnavailable;
import dev.tracklight.core.carriers.connect.SubscribeRequest;
import dev.tracklight.core.carriers.connect.SubscribeResult;
import dev.tracklight.core.carriers.connect.SubscriptionState;
import dev.tracklight.core.json.Json;
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
 * Shippo's API with a tenant's token (events/carriers/shippo/README.md, "What Tracklight calls"): {@code POST
 * /webhooks} once per account ({@code track_updated}, to the tenant's endpoint with its {@code ?token=}), {@code
 * POST /tracks/} per number with Shippo's carrier token, and {@code GET /tracks/{carrier}/{number}} for the safety
 * net and refreshes, read by the push's own adapter. Authenticated {@code ShippoToken <key>}. Shippo keeps no id
 * for a registration, so the externalId is {@code carrier/number}, the path it is read at.
 */
public final class ShippoConnection implements CarrierConnection {

    public static final String API_KEY = "apiKey";
    public static final URI DEFAULT_BASE = URI.create("https://api.goshippo.com");
    /** Shippo's tracking GETs allowed a minute on a live token (50 on a test one). */
    private static final RateLimit GETS = RateLimit.perMinute(500);
    /** Shippo's limit on a webhook URL's length. */
    private static final int MAX_URL = 200;

    private final URI base;
    private final SourceHttp http;

    public ShippoConnection(URI base, SourceHttp http) {
        this.base = base;
        this.http = http;
    }

    @Override
    public String source() {
        return ShippoAdapter.SOURCE;
    }

    @Override
    public List<String> credentialNames() {
        return List.of(API_KEY);
    }

    @Override
    public RateLimit rateLimit() {
        return GETS;
    }

    @Override
    public String registerCallback(Map<String, String> credentials, String callbackUrl, String callbackSecret) throws SourceUnavailable {
        String url = callbackUrl + "?" + SharedToken.PARAMETER + "=" + URLEncoder.encode(callbackSecret, StandardCharsets.UTF_8);
        if (url.length() >= MAX_URL) {
            return "the endpoint's URL has " + url.length() + " characters; Shippo takes fewer than " + MAX_URL;
        }
        String body = Json.write(Map.of("url", url, "event", "track_updated",
                "is_test", credentials.getOrDefault(API_KEY, "").startsWith("shippo_test_")));
        SourceAnswer answer = http.post(SourceHttp.at(base, "/webhooks"), auth(credentials), body).unlessTemporary("Shippo's POST /webhooks");
        return answer.ok() ? null : "Shippo refused the webhook (" + answer.status() + "): " + words(answer);
    }

    @Override
    public SubscribeResult subscribe(SubscribeRequest request) throws SourceUnavailable {
        Optional<String> carrier = ShippoCarriers.TABLE.nameOf(request.carrier());
        if (carrier.isEmpty()) {
            return SubscribeResult.refused("Shippo has no carrier token for " + request.carrier());
        }
        // nothing of the tenant's beyond the number: Shippo's metadata would show it in its dashboard
        String body = Json.write(Map.of("carrier", carrier.get(), "tracking_number", request.trackingNumber()));
        SourceAnswer answer = http.post(SourceHttp.at(base, "/tracks/"), auth(request.credentials()), body).unlessTemporary("Shippo's POST /tracks");
        if (answer.ok()) {
            return SubscribeResult.following(carrier.get() + "/" + request.trackingNumber());
        }
        if (answer.credentialsRefused()) {
            return SubscribeResult.credentialsRefused("Shippo refused the token (" + answer.status() + "): " + words(answer));
        }
        return SubscribeResult.refused("Shippo refused " + request.trackingNumber() + " (" + answer.status() + "): " + words(answer));
    }

    @Override
    public PollResult poll(SubscribeRequest request, String externalId, Instant receivedAt) throws SourceUnavailable {
        if (externalId == null || !externalId.matches("[a-z0-9_]{1,40}/[A-Za-z0-9]{1,64}")) {
            return PollResult.refused(SubscriptionState.REFUSED, "no Shippo registration to ask for " + request.trackingNumber());
        }
        SourceAnswer answer = http.get(SourceHttp.at(base, "/tracks/" + externalId), auth(request.credentials()))
                .unlessTemporary("Shippo's GET /tracks");
        if (answer.credentialsRefused()) {
            return PollResult.refused(SubscriptionState.CREDENTIALS_REFUSED, "Shippo refused the token (" + answer.status() + "): " + words(answer));
        }
        if (!answer.ok()) {
            // the registration still pushes; a failed read says nothing about that
            return new PollResult(SubscriptionState.ACTIVE, List.of(), "Shippo could not read " + externalId + " (" + answer.status() + "): "
                    + words(answer));
        }
        String push = "{\"event\":\"track_updated\",\"data\":" + answer.body() + "}";
        try {
            return new PollResult(SubscriptionState.ACTIVE, new ShippoAdapter().parse(new WebhookRequest(Map.of(), push, receivedAt)), null);
        } catch (ProblemException unreadable) {
            throw new SourceUnavailable("Shippo's track could not be read: " + unreadable.problem().detail(), Optional.empty());
        }
    }

    private static Map<String, String> auth(Map<String, String> credentials) {
        return Map.of("Authorization", "ShippoToken " + credentials.getOrDefault(API_KEY, ""));
    }

    /** Shippo's {@code detail}, else its field errors ({@code {"carrier": ["Invalid value …"]}}) as sent, cut short. */
    private static String words(SourceAnswer answer) {
        String detail = answer.at("/detail");
        String body = answer.body() == null ? "" : answer.body().strip();
        return detail != null ? detail : body.isEmpty() ? "no message" : body.substring(0, Math.min(body.length(), 300));
    }
}
