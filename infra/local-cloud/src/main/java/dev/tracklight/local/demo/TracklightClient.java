package dev.tracklight.local.demo;

import dev.tracklight.core.carriers.tracklight.TracklightAdapter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** A plain HTTP client of Tracklight's public endpoints, as a carrier or a merchant would call them. */
public final class TracklightClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public TracklightClient(URI base) {
        this.base = base;
    }

    /** Signs the body with the generic Tracklight scheme and posts it to the platform-wide endpoint. */
    public HttpResponse<String> postSignedWebhook(String secret, String body) throws IOException, InterruptedException {
        return postSignedWebhook("/webhooks/carriers/" + TracklightAdapter.SOURCE, secret, body);
    }

    /** The same to an endpoint's path, e.g. a tenant's {@code /webhooks/carriers/tracklight/wh_…}. */
    public HttpResponse<String> postSignedWebhook(String path, String secret, String body) throws IOException, InterruptedException {
        long timestamp = Instant.now().getEpochSecond();
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header(TracklightAdapter.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(TracklightAdapter.SIGNATURE_HEADER, TracklightAdapter.signature(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> registerShipment(String apiKey, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/v1/shipments"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A merchant API call with the tenant's key; {@code body} null for none. */
    public HttpResponse<String> merchant(String method, String path, String apiKey, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> track(String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/v1/track/" + token)).GET());
    }

    /** Where the API is served. */
    public URI base() {
        return base;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
