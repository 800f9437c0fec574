package dev.tracklight.outbound;

import dev.tracklight.core.outbound.DeliveryAttempt;
import dev.tracklight.core.outbound.DestinationPolicy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Posts deliveries with the JDK's HTTP client: the destination is checked against the deployment's
 * {@link DestinationPolicy} before every post (its DNS may have changed since the subscription was saved),
 * redirects are not followed (they could lead anywhere the check did not see), the answer's body is
 * discarded, and a receiver gets {@link #TIMEOUT} to answer.
 */
public final class HttpWebhookTransport implements WebhookTransport {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private final DestinationPolicy policy;
    private final DestinationPolicy.Resolver resolver;

    public HttpWebhookTransport(DestinationPolicy policy, DestinationPolicy.Resolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    @Override
    public DeliveryAttempt post(String url, Map<String, String> headers, String body, Instant at) {
        long started = System.nanoTime();
        var refusal = policy.refusalOf(url, resolver);
        if (refusal.isPresent()) {
            return DeliveryAttempt.unanswered(at, "destination refused: " + refusal.get(), elapsedMillis(started));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("User-Agent", "Tracklight-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return DeliveryAttempt.answered(at, response.statusCode(), elapsedMillis(started));
        } catch (HttpTimeoutException e) {
            return DeliveryAttempt.unanswered(at, "no answer within " + TIMEOUT.toSeconds() + " s", elapsedMillis(started));
        } catch (IOException e) {
            return DeliveryAttempt.unanswered(at, "connection failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), elapsedMillis(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryAttempt.unanswered(at, "interrupted", elapsedMillis(started));
        }
    }

    private static long elapsedMillis(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
