package dev.tracklight.core.carriers.usps;

import dev.tracklight.core.carriers.connect.CarrierConnection;
import dev.tracklight.core.carriers.connect.OAuthTokens;
import dev.tracklight.core.carriers.connect.PollResult;
import dev.tracklight.core.carriers.connect.RateLimit;
import dev.tracklight.core.carriers.connect.SourceAnswer;
import dev.tracklight.core.carriers.connect.SourceHttp;
import dev.tracklight.core.carriers.connect.SourceUnavailable;
import dev.tracklight.core.carriers.connect.SubscribeRequest;
import dev.tracklight.core.carriers.connect.SubscriptionState;
import dev.tracklight.core.problem.ProblemException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * USPS APIs v3 with a tenant's own app (events/carriers/usps/README.md, "What Tracklight calls"): a
 * client-credentials token from {@code POST /oauth2/v3/token} (a JSON body), and {@code GET
 * /tracking/v3/tracking/{trackingNumber}?expand=DETAIL}. Numbers are polled. Errors come as {@code {"apiVersion",
 * "error": {"code", "message", "errors": [{"code", "title", "detail"}]}}}; a number USPS has no scan for yet is a
 * 400 with error {@value #NOT_YET_AVAILABLE}.
 */
public final class UspsConnection implements CarrierConnection {

    public static final URI DEFAULT_BASE = URI.create("https://apis.usps.com");
    /** "A status update is not yet available on your package": USPS has not scanned it yet. */
    static final String NOT_YET_AVAILABLE = "150001";
    /** An app's default quota is 60 calls an hour per API (USPS/api-examples#30). */
    private static final RateLimit QUOTA = new RateLimit(60, Duration.ofHours(1));

    private final URI base;
    private final SourceHttp http;
    private final OAuthTokens tokens;

    public UspsConnection(URI base, SourceHttp http) {
        this.base = base;
        this.http = http;
        this.tokens = new OAuthTokens(http, SourceHttp.at(base, "/oauth2/v3/token"), OAuthTokens.ClientAuth.JSON, "USPS");
    }

    @Override
    public String source() {
        return UspsTrackingApi.SOURCE;
    }

    @Override
    public List<String> credentialNames() {
        return OAuthTokens.CREDENTIALS;
    }

    @Override
    public List<String> carriers() {
        return List.of("usps");
    }

    @Override
    public boolean pushes() {
        return false;
    }

    @Override
    public RateLimit rateLimit() {
        return QUOTA;
    }

    @Override
    public PollResult poll(SubscribeRequest request, String externalId, Instant receivedAt) throws SourceUnavailable {
        Optional<String> token = tokens.token(request, receivedAt);
        if (token.isEmpty()) {
            return PollResult.refused(SubscriptionState.CREDENTIALS_REFUSED, "USPS refused the app " + OAuthTokens.clientId(request));
        }
        SourceAnswer answer = http.get(SourceHttp.at(base, "/tracking/v3/tracking/" + URLEncoder.encode(request.trackingNumber(),
                StandardCharsets.UTF_8) + "?expand=DETAIL"), Map.of("Authorization", "Bearer " + token.get()));
        if (answer.status() == 429 && answer.retryAfter().isEmpty()) {
            // the hour's quota is spent; without a Retry-After, the next hour is when it returns
            throw new SourceUnavailable("USPS answered 429: " + said(answer), Optional.of(Duration.between(receivedAt, QUOTA.windowEnd(receivedAt))));
        }
        answer.unlessTemporary("USPS's Tracking API");
        if (answer.credentialsRefused()) {
            // 403 too: an app without access to the Tracking API is the account to fix
            tokens.forget(request);
            return PollResult.refused(SubscriptionState.CREDENTIALS_REFUSED, "USPS refused the app (" + answer.status() + "): " + said(answer));
        }
        if (answer.status() == 404 || NOT_YET_AVAILABLE.equals(answer.at("/error/errors/0/code"))) {
            return new PollResult(SubscriptionState.POLLED, List.of(), "USPS has no information yet (" + answer.status() + "): " + said(answer));
        }
        if (!answer.ok()) {
            return PollResult.refused(SubscriptionState.REFUSED, "USPS refused " + request.trackingNumber() + " (" + answer.status() + "): " + said(answer));
        }
        try {
            return PollResult.events(UspsTrackingApi.events(answer.body(), receivedAt));
        } catch (ProblemException unreadable) {
            throw new SourceUnavailable("USPS's answer could not be read: " + unreadable.problem().detail(), Optional.empty());
        }
    }

    private static String said(SourceAnswer answer) {
        return answer.said("/error/errors/0/code", "/error/message");
    }
}
