package dev.tracklight.core.carriers.connect;

import dev.tracklight.core.ids.Sha256;
import dev.tracklight.core.json.Json;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth 2.0 client-credentials tokens for a carrier's API (UPS, FedEx, USPS), kept until shortly before they
 * expire. Kept by tenant, client id and a hash of the secret: a tenant's token is never lent to another, and a
 * rotated secret gets a token of its own.
 */
public final class OAuthTokens {

    /** How a source takes the client's id and secret: HTTP Basic (UPS), as form fields (FedEx), or in a JSON body (USPS). */
    public enum ClientAuth { BASIC, FORM, JSON }

    /** The credential names of an account with an OAuth client, the same at every source that takes one. */
    public static final String CLIENT_ID = "clientId";
    public static final String CLIENT_SECRET = "clientSecret";
    public static final List<String> CREDENTIALS = List.of(CLIENT_ID, CLIENT_SECRET);

    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final SourceHttp http;
    private final URI tokenUri;
    private final ClientAuth clientAuth;
    private final String sourceName;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant expires) {
    }

    public OAuthTokens(SourceHttp http, URI tokenUri, ClientAuth clientAuth, String sourceName) {
        this.http = http;
        this.tokenUri = tokenUri;
        this.clientAuth = clientAuth;
        this.sourceName = sourceName;
    }

    /** The client's token, fetched when there is none or it is about to expire; empty when the source refuses the client. */
    public Optional<String> token(String tenantId, String clientId, String secret, Instant now) throws SourceUnavailable {
        String key = key(tenantId, clientId, secret);
        Token held = tokens.get(key);
        if (held != null && now.isBefore(held.expires().minus(MARGIN))) {
            return Optional.of(held.value());
        }
        Map<String, String> fields = Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret);
        SourceAnswer answer = (switch (clientAuth) {
            case BASIC -> http.postForm(tokenUri, Map.of("Authorization", SourceHttp.basic(clientId, secret)), Map.of("grant_type", "client_credentials"));
            case FORM -> http.postForm(tokenUri, Map.of(), fields);
            case JSON -> http.post(tokenUri, Map.of(), Json.write(fields));
        }).unlessTemporary(sourceName + "'s token endpoint");
        String value = answer.ok() ? answer.field("access_token") : null;
        if (value == null) {
            return Optional.empty();
        }
        String expiresIn = answer.field("expires_in");
        long seconds = expiresIn != null && expiresIn.matches("\\d{1,9}") ? Long.parseLong(expiresIn) : 0;
        tokens.put(key, new Token(value, now.plusSeconds(seconds)));
        return Optional.of(value);
    }

    /** The token of the request's tenant and client. */
    public Optional<String> token(SubscribeRequest request, Instant now) throws SourceUnavailable {
        return token(request.tenantId(), clientId(request), request.credentials().getOrDefault(CLIENT_SECRET, ""), now);
    }

    /** Drops a token the source refused for the request's client, so the next call asks for a new one. */
    public void forget(SubscribeRequest request) {
        forget(request.tenantId(), clientId(request), request.credentials().getOrDefault(CLIENT_SECRET, ""));
    }

    public static String clientId(SubscribeRequest request) {
        return request.credentials().getOrDefault(CLIENT_ID, "");
    }

    /** Drops a token the source refused, so the next call asks for a new one. */
    public void forget(String tenantId, String clientId, String secret) {
        tokens.remove(key(tenantId, clientId, secret));
    }

    private static String key(String tenantId, String clientId, String secret) {
        return tenantId + "\u001f" + clientId + "\u001f" + Sha256.hex(secret);
    }
}
