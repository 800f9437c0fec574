package dev.tracklight.core.carriers.seventeentrack;

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
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 17TRACK's API v2.2 with a tenant's own key (events/carriers/17track/README.md, "What Tracklight calls"):
 * {@code POST /track/v2.2/register}, {@code /gettrackinfo} and {@code /stoptrack}, each a JSON array of
 * {@code {number, carrier}} with the key in the {@code 17token} header, answered {@code {code, data: {accepted,
 * rejected}}}. 17TRACK signs its pushes with the same key, and takes its webhook URL from its console, so
 * nothing is registered by call: the account shows the URL to set there.
 */
public final class SeventeenTrackConnection implements CarrierConnection {

    public static final String API_KEY = "apiKey";
    public static final URI DEFAULT_BASE = URI.create("https://api.17track.net");
    /** "The tracking number is already registered": the subscription exists, which is what we asked for. */
    private static final long ALREADY_REGISTERED = -18019901;
    private static final long NOT_REGISTERED = -18019902;
    /** "Only numbers being tracked can be stopped". */
    private static final long NOT_TRACKED = -18019906;

    private final URI base;
    private final SourceHttp http;

    public SeventeenTrackConnection(URI base, SourceHttp http) {
        this.base = base;
        this.http = http;
    }

    @Override
    public String source() {
        return SeventeenTrackAdapter.SOURCE;
    }

    @Override
    public List<String> credentialNames() {
        return List.of(API_KEY);
    }

    @Override
    public Optional<String> pushSignedWith() {
        return Optional.of(API_KEY);
    }

    @Override
    public SubscribeResult subscribe(SubscribeRequest request) throws SourceUnavailable {
        SourceAnswer answer = call("/track/v2.2/register", request);
        if (answer.credentialsRefused()) {
            return SubscribeResult.credentialsRefused("17TRACK refused the key (" + answer.status() + ")");
        }
        JsonObject data = data(answer);
        if (!first(data, "accepted").isEmpty()) {
            return SubscribeResult.following(request.trackingNumber());
        }
        JsonObject error = rejection(data);
        if (code(error) == ALREADY_REGISTERED) {
            return SubscribeResult.following(request.trackingNumber());
        }
        return SubscribeResult.refused("17TRACK refused " + request.trackingNumber() + ": " + describe(error));
    }

    @Override
    public PollResult poll(SubscribeRequest request, String externalId, Instant receivedAt) throws SourceUnavailable {
        SourceAnswer answer = call("/track/v2.2/gettrackinfo", request);
        if (answer.credentialsRefused()) {
            return PollResult.refused(SubscriptionState.CREDENTIALS_REFUSED, "17TRACK refused the key (" + answer.status() + ")");
        }
        Optional<JsonObject> accepted = first(data(answer), "accepted");
        if (accepted.isEmpty()) {
            return new PollResult(SubscriptionState.ACTIVE, List.of(), "17TRACK has nothing for " + request.trackingNumber() + " yet");
        }
        // the record as a push carries it, read by the push's own adapter
        String push = "{\"event\":\"TRACKING_UPDATED\",\"data\":" + accepted.get() + "}";
        try {
            return new PollResult(SubscriptionState.ACTIVE, new SeventeenTrackAdapter().parse(new WebhookRequest(Map.of(), push, receivedAt)), null);
        } catch (ProblemException unreadable) {
            throw new SourceUnavailable("17TRACK's record could not be read: " + unreadable.problem().detail(), Optional.empty());
        }
    }

    /**
     * {@code POST /track/v2.2/stoptrack}: 17TRACK stops refreshing the number (and its quota stops counting it). A
     * number 17TRACK no longer tracks (-18019906) or never had (-18019902) is as stopped as asked.
     */
    @Override
    public String unsubscribe(SubscribeRequest request, String externalId) throws SourceUnavailable {
        SourceAnswer answer = call("/track/v2.2/stoptrack", request);
        if (answer.credentialsRefused()) {
            return "17TRACK refused the key (" + answer.status() + ")";
        }
        JsonObject data = data(answer);
        if (!first(data, "accepted").isEmpty()) {
            return null;
        }
        JsonObject error = rejection(data);
        return code(error) == NOT_TRACKED || code(error) == NOT_REGISTERED ? null : "17TRACK did not stop " + request.trackingNumber() + ": " + describe(error);
    }

    private SourceAnswer call(String path, SubscribeRequest request) throws SourceUnavailable {
        Map<String, Object> number = new LinkedHashMap<>();
        number.put("number", request.trackingNumber());
        SeventeenTrackCarriers.TABLE.nameOf(request.carrier()).filter(key -> key.matches("\\d{1,9}"))
                .ifPresent(key -> number.put("carrier", Integer.parseInt(key)));
        SourceAnswer answer = http.post(SourceHttp.at(base, path), Map.of("17token", request.credentials().getOrDefault(API_KEY, "")),
                Json.write(List.of(number)));
        return answer.unlessTemporary("17TRACK's " + path);
    }

    private static JsonObject data(SourceAnswer answer) throws SourceUnavailable {
        if (!(answer.value("") instanceof JsonObject root)) {
            throw new SourceUnavailable("17TRACK answered " + answer.status() + " with a body that is not its JSON", Optional.empty());
        }
        return root.get("data") instanceof JsonObject data ? data : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static Optional<JsonObject> first(JsonObject data, String list) {
        return data.get(list) instanceof JsonArray array && !array.isEmpty() && array.get(0) instanceof JsonObject first
                ? Optional.of(first) : Optional.empty();
    }

    /** The first rejected number's {@code error}, or null. */
    private static JsonObject rejection(JsonObject data) {
        return first(data, "rejected").map(rejected -> rejected.get("error") instanceof JsonObject error ? error : null).orElse(null);
    }

    private static long code(JsonObject error) {
        return error != null && error.get("code") instanceof JsonNumber number ? number.longValue() : 0;
    }

    private static String describe(JsonObject error) {
        if (error == null) {
            return "no reason given";
        }
        String message = error.get("message") instanceof JsonString text ? text.getString() : "no message";
        return error.get("code") + ": " + message;
    }
}
