package dev.tracklight.core.carriers.aftership;

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
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AfterShip's Tracking API 2024-04 with a tenant's key (events/carriers/aftership/README.md, "What Tracklight
 * calls"): {@code POST /tracking/2024-04/trackings} per number, {@code GET …/trackings/{id}} for the safety net and
 * refreshes (read by the push's own adapter), {@code DELETE …/trackings/{id}} when the shipment ends. The key goes
 * in {@code as-api-key}. AfterShip takes its webhook URL from its dashboard and signs every push with the account's
 * webhook secret, which the tenant stores with its key, so its endpoint checks pushes against it. Answers are
 * {@code {"meta": {"code", "message", "type"}, "data": {"tracking": {…}}}}.
 */
public final class AfterShipConnection implements CarrierConnection {

    public static final String API_KEY = "apiKey";
    public static final String WEBHOOK_SECRET = "webhookSecret";
    public static final URI DEFAULT_BASE = URI.create("https://api.aftership.com");
    private static final String TRACKINGS = "/tracking/2024-04/trackings";
    /** "Tracking already exists": the number is followed, which is what we asked for. */
    private static final String ALREADY_EXISTS = "4003";
    /** "Tracking does not exist": nothing left to stop. */
    private static final String DOES_NOT_EXIST = "4004";
    /** 10 requests a second per organization, for 2024-04. */
    private static final RateLimit PER_ORGANIZATION = RateLimit.perMinute(600);

    private final URI base;
    private final SourceHttp http;

    public AfterShipConnection(URI base, SourceHttp http) {
        this.base = base;
        this.http = http;
    }

    @Override
    public String source() {
        return AfterShipAdapter.SOURCE;
    }

    @Override
    public List<String> credentialNames() {
        return List.of(API_KEY, WEBHOOK_SECRET);
    }

    @Override
    public Optional<String> pushSignedWith() {
        return Optional.of(WEBHOOK_SECRET);
    }

    @Override
    public RateLimit rateLimit() {
        return PER_ORGANIZATION;
    }

    @Override
    public SubscribeResult subscribe(SubscribeRequest request) throws SourceUnavailable {
        Map<String, String> tracking = new LinkedHashMap<>();
        tracking.put("tracking_number", request.trackingNumber());
        AfterShipCarriers.TABLE.nameOf(request.carrier()).ifPresent(slug -> tracking.put("slug", slug));
        SourceAnswer answer = http.post(SourceHttp.at(base, TRACKINGS), auth(request.credentials()), Json.write(Map.of("tracking", tracking)))
                .unlessTemporary("AfterShip's POST /trackings");
        String id = answer.at("/data/tracking/id");
        if (answer.ok() || ALREADY_EXISTS.equals(answer.at("/meta/code"))) {
            if (id == null) {
                throw new SourceUnavailable("AfterShip answered " + answer.status() + " without a tracking id", Optional.empty());
            }
            return SubscribeResult.following(id);
        }
        if (answer.credentialsRefused()) {
            return SubscribeResult.credentialsRefused("AfterShip refused the key (" + answer.status() + "): " + said(answer));
        }
        return SubscribeResult.refused("AfterShip refused " + request.trackingNumber() + " (" + answer.status() + "): " + said(answer));
    }

    @Override
    public PollResult poll(SubscribeRequest request, String externalId, Instant receivedAt) throws SourceUnavailable {
        if (!isId(externalId)) {
            return PollResult.refused(SubscriptionState.REFUSED, "no AfterShip tracking to ask for " + request.trackingNumber());
        }
        SourceAnswer answer = http.get(SourceHttp.at(base, TRACKINGS + "/" + externalId), auth(request.credentials()))
                .unlessTemporary("AfterShip's GET /trackings");
        if (answer.credentialsRefused()) {
            return PollResult.refused(SubscriptionState.CREDENTIALS_REFUSED, "AfterShip refused the key (" + answer.status() + "): " + said(answer));
        }
        if (!answer.ok()) {
            return new PollResult(SubscriptionState.ACTIVE, List.of(), "AfterShip could not read tracking " + externalId + " ("
                    + answer.status() + "): " + said(answer));
        }
        if (!(answer.value("/data/tracking") instanceof JsonObject tracking)) {
            throw new SourceUnavailable("AfterShip answered " + answer.status() + " without data.tracking", Optional.empty());
        }
        try {
            return new PollResult(SubscriptionState.ACTIVE, new AfterShipAdapter().events(JsonValue.EMPTY_JSON_OBJECT, tracking, receivedAt), null);
        } catch (ProblemException unreadable) {
            throw new SourceUnavailable("AfterShip's tracking could not be read: " + unreadable.problem().detail(), Optional.empty());
        }
    }

    /** {@code DELETE …/trackings/{id}}: AfterShip stops tracking (and counting) the number; one already gone is as deleted. */
    @Override
    public String unsubscribe(SubscribeRequest request, String externalId) throws SourceUnavailable {
        if (!isId(externalId)) {
            return null;
        }
        SourceAnswer answer = http.delete(SourceHttp.at(base, TRACKINGS + "/" + externalId), auth(request.credentials()))
                .unlessTemporary("AfterShip's DELETE /trackings");
        return answer.ok() || DOES_NOT_EXIST.equals(answer.at("/meta/code")) ? null
                : "AfterShip did not delete tracking " + externalId + " (" + answer.status() + "): " + said(answer);
    }

    private static boolean isId(String externalId) {
        return externalId != null && externalId.matches("[a-z0-9]{16,40}");
    }

    private static Map<String, String> auth(Map<String, String> credentials) {
        return Map.of("as-api-key", credentials.getOrDefault(API_KEY, ""));
    }

    private static String said(SourceAnswer answer) {
        return answer.said("/meta/code", "/meta/message");
    }
}
