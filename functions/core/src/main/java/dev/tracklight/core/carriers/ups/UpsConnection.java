package dev.tracklight.core.carriers.ups;

import dev.tracklight.core.carriers.connect.CarrierConnection;
import dev.tracklight.core.carriers.connect.OAuthTokens;
import dev.tracklight.core.carriers.connect.PollResult;
import dev.tracklight.core.carriers.connect.SourceAnswer;
import dev.tracklight.core.carriers.connect.SourceHttp;
import dev.tracklight.core.carriers.connect.SourceUnavailable;
import dev.tracklight.core.carriers.connect.SubscribeRequest;
import dev.tracklight.core.carriers.connect.SubscribeResult;
import dev.tracklight.core.carriers.connect.SubscriptionState;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.problem.ProblemException;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The UPS Track API with a tenant's own OAuth client (events/carriers/ups/README.md, "What Tracklight calls"):
 * a client-credentials token from {@code POST /security/v1/oauth/token} (HTTP Basic client id and secret), kept
 * until shortly before it expires, and {@code GET /api/track/v1/details/{inquiryNumber}} with {@code transId} and
 * {@code transactionSrc}; and Track Alert subscriptions, so UPS pushes each number's events to the tenant's endpoint.
 * Errors come as {@code {"response": {"errors": [{"code", "message"}]}}}.
 */
public final class UpsConnection implements CarrierConnection {

    public static final URI DEFAULT_BASE = URI.create("https://onlinetools.ups.com");

    private final URI base;
    private final SourceHttp http;
    private final OAuthTokens tokens;

    public UpsConnection(URI base, SourceHttp http) {
        this.base = base;
        this.http = http;
        this.tokens = new OAuthTokens(http, SourceHttp.at(base, "/security/v1/oauth/token"), OAuthTokens.ClientAuth.BASIC, "UPS");
    }

    @Override
    public String source() {
        return UpsAdapter.SOURCE;
    }

    @Override
    public List<String> credentialNames() {
        return OAuthTokens.CREDENTIALS;
    }

    @Override
    public List<String> carriers() {
        return List.of("ups");
    }

    /**
     * {@code POST /api/track/v1/subscription/standard/package}: UPS pushes the number's events for 14 days to the
     * tenant's endpoint, with the endpoint's secret as the {@code credential} header. A number Track Alert does not
     * take (UPS lists it in {@code invalidTrackingNumbers}) is polled on the Track API instead; one it takes is read
     * there too as the safety net, which also covers it once the 14 days are over.
     */
    @Override
    public SubscribeResult subscribe(SubscribeRequest request) throws SourceUnavailable {
        if (request.callback() == null) {
            return SubscribeResult.polled();
        }
        Optional<String> token = tokens.token(request, Instant.now());
        if (token.isEmpty()) {
            return SubscribeResult.credentialsRefused("UPS refused the OAuth client " + OAuthTokens.clientId(request));
        }
        String body = Json.write(Map.of("locale", "en_US", "countryCode", "US", "trackingNumberList", List.of(request.trackingNumber()),
                "destination", Map.of("url", request.callback().url(), "credentialType", "Bearer", "credential", request.callback().secret())));
        SourceAnswer answer = http.post(SourceHttp.at(base, "/api/track/v1/subscription/standard/package"), headers(token.get()), body)
                .unlessTemporary("UPS's Track Alert");
        if (answer.credentialsRefused()) {
            tokens.forget(request);
            return SubscribeResult.credentialsRefused("UPS refused the token (" + answer.status() + "): " + said(answer));
        }
        if (answer.ok() && request.trackingNumber().equals(answer.at("/validTrackingNumbers/0"))) {
            return SubscribeResult.following(request.trackingNumber());
        }
        return new SubscribeResult(SubscriptionState.POLLED, null, "UPS Track Alert did not take " + request.trackingNumber() + " ("
                + answer.status() + "): it is polled on the Track API");
    }

    @Override
    public PollResult poll(SubscribeRequest request, String externalId, Instant receivedAt) throws SourceUnavailable {
        Optional<String> token = tokens.token(request, receivedAt);
        if (token.isEmpty()) {
            return PollResult.refused(SubscriptionState.CREDENTIALS_REFUSED, "UPS refused the OAuth client " + OAuthTokens.clientId(request));
        }
        SourceAnswer answer = http.get(SourceHttp.at(base, "/api/track/v1/details/" + request.trackingNumber() + "?locale=en_US"),
                headers(token.get())).unlessTemporary("UPS's Track API");
        if (answer.credentialsRefused()) {
            tokens.forget(request);
            return PollResult.refused(SubscriptionState.CREDENTIALS_REFUSED, "UPS refused the token (" + answer.status() + "): " + said(answer));
        }
        if (answer.status() == 404) {
            // a label UPS has not scanned yet is "not found" for a while: no events, asked again on the cadence
            return new PollResult(SubscriptionState.POLLED, List.of(), "UPS has no information yet (404): " + said(answer));
        }
        if (!answer.ok()) {
            return PollResult.refused(SubscriptionState.REFUSED, "UPS refused " + request.trackingNumber() + " (" + answer.status() + "): " + said(answer));
        }
        try {
            return PollResult.events(UpsTrackApi.events(answer.body(), receivedAt));
        } catch (ProblemException unreadable) {
            throw new SourceUnavailable("UPS's answer could not be read: " + unreadable.problem().detail(), Optional.empty());
        }
    }

    /** The token, and the {@code transId} (one per request) and {@code transactionSrc} every UPS API call carries. */
    private static Map<String, String> headers(String token) {
        return Map.of("Authorization", "Bearer " + token, "transId", UUID.randomUUID().toString().replace("-", ""), "transactionSrc", "tracklight");
    }

    /** UPS's first error: {@code {"response": {"errors": [{"code", "message"}]}}}. */
    private static String said(SourceAnswer answer) {
        return answer.said("/response/errors/0/code", "/response/errors/0/message");
    }
}
