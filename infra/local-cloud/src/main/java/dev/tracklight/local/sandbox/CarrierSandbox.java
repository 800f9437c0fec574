package dev.tracklight.local.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The carriers' and aggregators' APIs on 127.0.0.1, as their documentation describes them, backed by scripted
 * journeys: each source is served under {@code /<source>/…} and pushes its own webhook bodies, signed as it signs
 * them, to the URLs it was given. Production code reaches it only through the configured base URLs
 * ({@code EasyPostApiUrl} …). The numbers each source knows are in its README (events/carriers/&lt;source&gt;/).
 */
public final class CarrierSandbox implements AutoCloseable {

    /** One source's routes: the path after {@code /<source>}, answered from its own state. */
    public interface Source {
        String name();

        Answer handle(String method, String path, Map<String, String> headers, String body);
    }

    /** What a route answers. */
    public record Answer(int status, String body, Map<String, String> headers) {

        public static Answer json(int status, String body) {
            return new Answer(status, body, Map.of());
        }
    }

    private final HttpServer server;
    private final ScheduledExecutorService pushes = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("sandbox-push-", 0).factory());
    private final EasyPostSandbox easyPost;
    private final UpsSandbox ups = new UpsSandbox();
    private final SeventeenTrackSandbox seventeenTrack;

    public CarrierSandbox(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the carrier sandbox could not listen on " + port, e);
        }
        easyPost = new EasyPostSandbox(pushes);
        seventeenTrack = new SeventeenTrackSandbox(pushes);
        for (Source source : List.<Source>of(easyPost, ups, seventeenTrack)) {
            server.createContext("/" + source.name() + "/", exchange -> handle(source, exchange));
        }
        server.start();
    }

    /** Where a source is served: its base URL for the functions' configuration. */
    public URI baseUrl(String source) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + source);
    }

    public EasyPostSandbox easyPost() {
        return easyPost;
    }

    public UpsSandbox ups() {
        return ups;
    }

    private static void handle(Source source, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(source.name().length() + 1);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            try {
                answer = source.handle(exchange.getRequestMethod(), path, headers, body);
            } catch (RuntimeException e) {
                answer = Answer.json(500, "{\"error\":{\"code\":\"INTERNAL_SERVER_ERROR\",\"message\":\"" + e.getClass().getSimpleName() + "\"}}");
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        pushes.shutdownNow();
        server.stop(0);
    }
}
