package dev.tracklight.core.carriers.ups;

import dev.tracklight.core.carriers.connect.CarrierConnection;
import dev.tracklight.core.carriers.connect.PollResult;
import dev.tracklight.core.carriers.connect.SourceAnswer;
import dev.tracklight.core.carriers.connect.SourceHttp;
import dev.tracklight.core.carriers.connect.SourceUnavailable;
import dev.tracklight.core.carriers.connect.SubscribeRequest;
import dev.tracklight.core.carriers.connect.SubscribeResult;
import dev.tracklight.core.carriers.connect.SubscriptionState;
import dev.tracklight.core.ids.Sha256;
import dev.tracklight.core.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UPS Track API with a tenant's own OAuth client (events/carriers/ups/README.md, "What Tracklight calls"):
 * a client-credentials token from {@code POST /security/v1/oauth/token} (HTTP Basic client id and secret), kept
 * until shortly before it expires, and {@code GET /api/track/v1/details/{inquiryNumber}} with {@code transId} and
 * {@code transactionSrc}. UPS pushes nothing for a number Tracklight did not subscribe at Track Alert, so numbers
 * are polled. Errors come as {@code {"response": {"errors": [{"code", "message"}]}}}.
 */
public final class UpsConnection implements CarrierConnection {

    public static final String CLIENT_ID = "clientId";
    public static final String CLIENT_SECRET = "clientSecret";
    public static final URI DEFAULT_BASE = URI.create("https://onlinetools.ups.com");
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(1);

    private final URI base;
    private final SourceHttp http;
    /** Tokens by tenant, client id and a hash of the secret: a tenant's own, never lent to another, and new after a rotation. */
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant expires) {
    }

    public UpsConnection(URI base, SourceHttp http) {
        this.base = base;
        this.http = http;
    }

    @Override
    public String source() {
        return UpsTrackAlertAdapter.SOURCE;
    }

    @Override
    public List<String> credentialNames() {
        return List.of(CLIENT_ID, CLIENT_SECRET);
    }

    @Override
    public List<String> carriers() {
        return List.of("ups");
    }

    @Override
    public String registerCallback(Map<String, String> credentials, String callbackUrl, String callbackSecret) {
        return null;
    }

    @Override
    public SubscribeResult subscribe(SubscribeRequest request) {
        return SubscribeResult.polled();
    }

    @Override
    public PollResult poll(SubscribeRequest request, String externalId, Instant receivedAt) throws SourceUnavailable {
        Optional<String> token = token(request.tenantId(), request.credentials(), receivedAt);
        if (token.isEmpty()) {
            return PollResult.refused(SubscriptionState.CREDENTIALS_REFUSED, "UPS refused the OAuth client " + request.credentials().get(CLIENT_ID));
        }
        SourceAnswer answer = http.get(SourceHttp.at(base, "/api/track/v1/details/" + request.trackingNumber() + "?locale=en_US"), Map.of(
                "Authorization", "Bearer " + token.get(), "transId", UUID.randomUUID().toString().replace("-", ""),
                "transactionSrc", "tracklight"));
        if (answer.temporary()) {
            throw new SourceUnavailable("UPS answered " + answer.status() + " to the Track API", answer.retryAfter());
        }
        if (answer.credentialsRefused()) {
            tokens.remove(cacheKey(request.tenantId(), request.credentials()));
            return PollResult.refused(SubscriptionState.CREDENTIALS_REFUSED, "UPS refused the token (" + answer.status() + "): " + message(answer));
        }
        if (answer.status() == 404) {
            // a label UPS has not scanned yet is "not found" for a while: no events, asked again on the cadence
            return new PollResult(SubscriptionState.POLLED, List.of(), "UPS has no information yet (404): " + message(answer));
        }
        if (!answer.ok()) {
            return PollResult.refused(SubscriptionState.REFUSED, "UPS refused " + request.trackingNumber() + " (" + answer.status() + "): " + message(answer));
        }
        try {
            return PollResult.events(UpsTrackApi.events(answer.body(), receivedAt));
        } catch (ProblemException unreadable) {
            throw new SourceUnavailable("UPS's answer could not be read: " + unreadable.problem().detail(), Optional.empty());
        }
    }

    /** The client's token, fetched when there is none or it is about to expire; empty when UPS refuses the client. */
    private Optional<String> token(String tenantId, Map<String, String> credentials, Instant now) throws SourceUnavailable {
        String clientId = credentials.getOrDefault(CLIENT_ID, "");
        String key = cacheKey(tenantId, credentials);
        Token held = tokens.get(key);
        if (held != null && now.isBefore(held.expires().minus(TOKEN_MARGIN))) {
            return Optional.of(held.value());
        }
        SourceAnswer answer = http.postForm(SourceHttp.at(base, "/security/v1/oauth/token"),
                SourceHttp.basic(clientId, credentials.getOrDefault(CLIENT_SECRET, "")), Map.of("grant_type", "client_credentials"));
        if (answer.temporary()) {
            throw new SourceUnavailable("UPS answered " + answer.status() + " to the token request", answer.retryAfter());
        }
        String value = answer.ok() ? answer.field("access_token") : null;
        if (value == null) {
            return Optional.empty();
        }
        String expiresIn = answer.field("expires_in");
        long seconds = expiresIn != null && expiresIn.matches("\\d{1,9}") ? Long.parseLong(expiresIn) : 0;
        tokens.put(key, new Token(value, now.plusSeconds(seconds)));
        return Optional.of(value);
    }

    private static String cacheKey(String tenantId, Map<String, String> credentials) {
        return tenantId + "\u001f" + credentials.getOrDefault(CLIENT_ID, "") + "\u001f" + Sha256.hex(credentials.getOrDefault(CLIENT_SECRET, ""));
    }

    /** UPS's first error, "code: message", or the status alone when the body is not UPS's error object. */
    private static String message(SourceAnswer answer) {
        try {
            JsonValue response = jakarta.json.Json.createReader(new StringReader(answer.body())).readObject().get("response");
            if (response instanceof JsonObject object && object.get("errors") instanceof JsonArray errors && !errors.isEmpty()
                    && errors.get(0) instanceof JsonObject first) {
                return text(first, "code") + ": " + text(first, "message");
            }
        } catch (RuntimeException unreadable) {
            // not JSON: the status says what there is to say
        }
        return "no message";
    }


    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString text ? text.getString() : "?";
    }
}
