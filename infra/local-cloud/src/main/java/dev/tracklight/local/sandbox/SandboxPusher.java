package dev.tracklight.local.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Delivers a source's push to a URL it was given, retried a few times as the sources retry a failed delivery. */
final class SandboxPusher {

    private static final int ATTEMPTS = 3;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @return whether the receiver answered 2xx */
    boolean post(String url, String contentType, Map<String, String> headers, String body) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                headers.forEach(request::header);
                if (client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2) {
                    return true;
                }
            } catch (IOException e) {
                // the receiver is down or slow: tried again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
