package dev.tracklight.core.carriers.fedex;

import dev.tracklight.core.carriers.connect.CarrierConnection;
import dev.tracklight.core.carriers.connect.OAuthTokens;
import dev.tracklight.core.carriers.connect.PollResult;
import dev.tracklight.core.carriers.connect.SourceAnswer;
import dev.tracklight.core.carriers.connect.SourceHttp;
import dev.tracklight.core.carriers.connect.SourceUnavailable;
import dev.tracklight.core.carriers.connect.SubscribeRequest;
import dev.tracklight.core.carriers.connect.SubscriptionState;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The FedEx Track API with a tenant's own project (events/carriers/fedex/README.md, "What Tracklight calls"): a
 * client-credentials token from {@code POST /oauth/token} (API key and secret as form fields, an hour long), and
 * {@code POST /track/v1/trackingnumbers} with detailed scans, answered in the same {@code output.completeTrackResults}
 * shape FedEx's webhooks carry, so the push's own adapter reads it. FedEx's webhooks are a paid, US-only product
 * set up in its portal, so numbers are polled. A number FedEx does not know comes back 200 with the result's
 * {@code error}.
 */
public final class FedExConnection implements CarrierConnection {

    public static final URI DEFAULT_BASE = URI.create("https://apis.fedex.com");
    private static final String NOT_FOUND = "TRACKING.TRACKINGNUMBER.NOTFOUND";
    private static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    private static final String RESULT_ERROR = "/output/completeTrackResults/0/trackResults/0/error/";

    private final URI base;
    private final SourceHttp http;
    private final OAuthTokens tokens;

    public FedExConnection(URI base, SourceHttp http) {
        this.base = base;
        this.http = http;
        this.tokens = new OAuthTokens(http, SourceHttp.at(base, "/oauth/token"), OAuthTokens.ClientAuth.FORM, "FedEx");
    }

    @Override
    public String source() {
        return FedExAdapter.SOURCE;
    }

    @Override
    public List<String> credentialNames() {
        return OAuthTokens.CREDENTIALS;
    }

    @Override
    public List<String> carriers() {
        return List.of("fedex");
    }

    /**
     * FedEx names no Retry-After: its message says whether the 10-second rate window or the day's quota ran out
     * ("Daily transaction quota exceeded. Retry after 12:00AM GMT"), and the wait follows it.
     */
    static Duration wait(SourceAnswer answer, Instant now) {
        String message = String.valueOf(answer.at("/errors/0/message"));
        if (message.contains("quota")) {
            return Duration.between(now, now.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return RATE_WINDOW;
    }

    @Override
    public PollResult poll(SubscribeRequest request, String externalId, Instant receivedAt) throws SourceUnavailable {
        Optional<String> token = tokens.token(request, receivedAt);
        if (token.isEmpty()) {
            return PollResult.refused(SubscriptionState.CREDENTIALS_REFUSED, "FedEx refused the API key " + OAuthTokens.clientId(request));
        }
        String body = Json.write(Map.of("includeDetailedScans", true,
                "trackingInfo", List.of(Map.of("trackingNumberInfo", Map.of("trackingNumber", request.trackingNumber())))));
        SourceAnswer answer = http.post(SourceHttp.at(base, "/track/v1/trackingnumbers"), Map.of("Authorization", "Bearer " + token.get(),
                "X-locale", "en_US"), body);
        if (answer.status() == 429) {
            throw new SourceUnavailable("FedEx answered 429: " + answer.said("/errors/0/code", "/errors/0/message"), Optional.of(wait(answer, receivedAt)));
        }
        answer.unlessTemporary("FedEx's Track API");
        if (answer.credentialsRefused()) {
            tokens.forget(request);
            return PollResult.refused(SubscriptionState.CREDENTIALS_REFUSED, "FedEx refused the token (" + answer.status() + "): "
                    + answer.said("/errors/0/code", "/errors/0/message"));
        }
        if (!answer.ok()) {
            return PollResult.refused(SubscriptionState.REFUSED, "FedEx refused " + request.trackingNumber() + " (" + answer.status() + "): "
                    + answer.said("/errors/0/code", "/errors/0/message"));
        }
        String error = answer.at(RESULT_ERROR + "code");
        if (NOT_FOUND.equals(error)) {
            // a label FedEx has not scanned yet is "not found" for a while: asked again on the cadence
            return new PollResult(SubscriptionState.POLLED, List.of(), "FedEx has no information yet: " + answer.said(RESULT_ERROR + "code",
                    RESULT_ERROR + "message"));
        }
        if (error != null) {
            return PollResult.refused(SubscriptionState.REFUSED, "FedEx refused " + request.trackingNumber() + ": "
                    + answer.said(RESULT_ERROR + "code", RESULT_ERROR + "message"));
        }
        try {
            return PollResult.events(new FedExAdapter().parse(new WebhookRequest(Map.of(), answer.body(), receivedAt)));
        } catch (ProblemException unreadable) {
            throw new SourceUnavailable("FedEx's answer could not be read: " + unreadable.problem().detail(), Optional.empty());
        }
    }
}
