package dev.tracklight.core.carriers.connect;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Calls to a carrier's or aggregator's API, with the JDK's client: bounded in time, and every failure to get an
 * answer (refused connection, timeout, an interrupted call) a {@link SourceUnavailable} to retry, never a crash.
 * The base URL of each source is configuration, so tests and the local cloud point it at the carrier sandbox.
 */
public final class SourceHttp {

    private static final Duration CONNECT = Duration.ofSeconds(3);
    private static final Duration ANSWER = Duration.ofSeconds(8);
    private static final int MAX_BODY = 1024 * 1024;

    /**
     * Built on the first call, not with the connections: building one loads java.net.http and starts its selector
     * thread (210–290 ms at C1 on this box), which the API and the operator, holding connections only to name the
     * sources, never need.
     */
    private volatile HttpClient client;

    /** @param headers the source's own authentication and request headers, sent as given, with {@code Accept: application/json} */
    public SourceAnswer get(URI uri, Map<String, String> headers) throws SourceUnavailable {
        return send(request(uri, headers).GET());
    }

    /** A JSON body, with the source's own headers ({@code Authorization}, 17TRACK's {@code 17token} …). */
    public SourceAnswer post(URI uri, Map<String, String> headers, String json) throws SourceUnavailable {
        return send(request(uri, headers).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** An {@code application/x-www-form-urlencoded} body: OAuth token requests, Kuaidi100's API. */
    public SourceAnswer postForm(URI uri, Map<String, String> headers, Map<String, String> form) throws SourceUnavailable {
        String body = form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(request(uri, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** {@code DELETE}, for sources that stop following a number that way (AfterShip). */
    public SourceAnswer delete(URI uri, Map<String, String> headers) throws SourceUnavailable {
        return send(request(uri, headers).DELETE());
    }

    /** {@code base} + {@code pathAndQuery}: a base may carry a path of its own (a gateway, the sandbox), which {@link URI#resolve} would drop. */
    public static URI at(URI base, String pathAndQuery) {
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + pathAndQuery);
    }

    /** {@code Basic base64(user:password)}, as EasyPost takes its API key (the key as user, no password). */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpClient client() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NEVER).build();
                }
                built = client;
            }
        }
        return built;
    }

    private static HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(ANSWER).header("Accept", "application/json");
        headers.forEach(request::header);
        return request;
    }

    private SourceAnswer send(HttpRequest.Builder built) throws SourceUnavailable {
        HttpRequest request = built.build();
        try {
            HttpResponse<byte[]> response = client().send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            String body = new String(bytes, 0, Math.min(bytes.length, MAX_BODY), StandardCharsets.UTF_8);
            return new SourceAnswer(response.statusCode(), body, retryAfter(response.headers().firstValue("Retry-After"),
                    response.headers().firstValue("X-RateLimit-Reset"), Instant.now()));
        } catch (IOException e) {
            throw new SourceUnavailable(request.uri().getHost() + " did not answer: " + e, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailable("interrupted while calling " + request.uri().getHost(), Optional.empty());
        }
    }

    /**
     * How long the source asks us to wait: {@code Retry-After} in seconds (the HTTP-date form is rare from APIs and
     * read as absent), else {@code X-RateLimit-Reset} as the Unix time the window reopens (AfterShip, Shippo).
     */
    static Optional<Duration> retryAfter(Optional<String> retryAfter, Optional<String> rateLimitReset, Instant now) {
        Optional<Duration> asked = retryAfter.filter(value -> value.strip().matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())));
        if (asked.isPresent()) {
            return asked;
        }
        return rateLimitReset.filter(value -> value.strip().matches("\\d{9,11}"))
                .map(value -> Duration.between(now, Instant.ofEpochSecond(Long.parseLong(value.strip()))))
                .filter(wait -> !wait.isNegative() && wait.compareTo(Duration.ofDays(1)) <= 0);
    }
}
