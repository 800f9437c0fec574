package dev.tracklight.core.carriers.easypost;

import dev.tracklight.core.carriers.connect.CarrierConnection;
import dev.tracklight.core.carriers.connect.PollResult;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EasyPost's API with a tenant's key (events/carriers/easypost/README.md, "What Tracklight calls"):
 * {@code POST /v2/webhooks} once per account with the tenant's endpoint and its secret (EasyPost then signs every
 * Event with it), and {@code POST /v2/trackers} per number. Authenticated with HTTP Basic, the API key as user.
 * Errors come as {@code {"error": {"code", "message", "errors"}}} (EasyPost's Errors Guide).
 */
public final class EasyPostConnection implements CarrierConnection {

    public static final String API_KEY = "apiKey";
    /** EasyPost's own address; the configuration names another (the local sandbox) for tests. */
    public static final URI DEFAULT_BASE = URI.create("https://api.easypost.com");

    private final URI base;
    private final SourceHttp http;

    public EasyPostConnection(URI base, SourceHttp http) {
        this.base = base;
        this.http = http;
    }

    @Override
    public String source() {
        return EasyPostAdapter.SOURCE;
    }

    @Override
    public List<String> credentialNames() {
        return List.of(API_KEY);
    }

    @Override
    public String registerCallback(Map<String, String> credentials, String callbackUrl, String callbackSecret) throws SourceUnavailable {
        String body = Json.write(Map.of("webhook", Map.of("url", callbackUrl, "webhook_secret", callbackSecret)));
        SourceAnswer answer = http.post(SourceHttp.at(base, "/v2/webhooks"), auth(credentials), body).unlessTemporary("EasyPost's POST /v2/webhooks");
        return answer.ok() ? null : "EasyPost refused the webhook (" + answer.status() + "): " + message(answer);
    }

    @Override
    public SubscribeResult subscribe(SubscribeRequest request) throws SourceUnavailable {
        Map<String, String> tracker = new LinkedHashMap<>();
        tracker.put("tracking_code", request.trackingNumber());
        EasyPostCarriers.TABLE.nameOf(request.carrier()).ifPresent(name -> tracker.put("carrier", name));
        SourceAnswer answer = http.post(SourceHttp.at(base, "/v2/trackers"), auth(request.credentials()), Json.write(Map.of("tracker", tracker)))
                .unlessTemporary("EasyPost's POST /v2/trackers");
        if (answer.ok()) {
            String id = answer.field("id");
            if (id == null) {
                throw new SourceUnavailable("EasyPost answered " + answer.status() + " without a tracker id", answer.retryAfter());
            }
            return SubscribeResult.following(id);
        }
        if (answer.credentialsRefused() || answer.status() == 402) {
            // 402: the tenant's EasyPost account lacks billing; like refused credentials, it is the account to fix
            return SubscribeResult.credentialsRefused("EasyPost refused the account (" + answer.status() + "): " + message(answer));
        }
        return SubscribeResult.refused("EasyPost refused " + request.trackingNumber() + " (" + answer.status() + "): " + message(answer));
    }

    /**
     * {@code GET /v2/trackers/{id}}: the tracker as EasyPost's Events carry it, read by the same adapter, for the
     * safety net when pushes have gone quiet and for a merchant's "refresh now".
     */
    @Override
    public PollResult poll(SubscribeRequest request, String externalId, Instant receivedAt) throws SourceUnavailable {
        if (externalId == null || !externalId.matches("trk_[A-Za-z0-9]{1,64}")) {
            return PollResult.refused(SubscriptionState.REFUSED, "no EasyPost tracker to ask for " + request.trackingNumber());
        }
        SourceAnswer answer = http.get(SourceHttp.at(base, "/v2/trackers/" + externalId), auth(request.credentials()))
                .unlessTemporary("EasyPost's GET /v2/trackers");
        if (answer.credentialsRefused()) {
            return PollResult.refused(SubscriptionState.CREDENTIALS_REFUSED, "EasyPost refused the API key (" + answer.status() + "): " + message(answer));
        }
        if (!answer.ok()) {
            // the tracker still follows the number and pushes; a failed read says nothing about that
            return new PollResult(SubscriptionState.ACTIVE, List.of(), "EasyPost could not read tracker " + externalId + " (" + answer.status()
                    + "): " + message(answer));
        }
        String event = "{\"description\":\"tracker.updated\",\"result\":" + answer.body() + "}";
        try {
            return PollResult.events(new EasyPostAdapter().parse(new WebhookRequest(Map.of(), event, receivedAt)));
        } catch (ProblemException unreadable) {
            throw new SourceUnavailable("EasyPost's tracker could not be read: " + unreadable.problem().detail(), Optional.empty());
        }
    }

    private static Map<String, String> auth(Map<String, String> credentials) {
        return Map.of("Authorization", SourceHttp.basic(credentials.getOrDefault(API_KEY, ""), ""));
    }

    /** EasyPost's error object (its Errors Guide): {@code {"error": {"code", "message", "errors"}}}. */
    private static String message(SourceAnswer answer) {
        return answer.said("/error/code", "/error/message");
    }
}
