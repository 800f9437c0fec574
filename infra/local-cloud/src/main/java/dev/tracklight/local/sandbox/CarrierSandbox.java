package dev.tracklight.local.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tracklight.core.subscription.CarrierConnections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

        Answer handle(Request request);
    }

    /**
     * One call to a source: its method, its path after {@code /<source>}, its query and form fields (decoded), its
     * headers (names in lower case) and body.
     */
    public record Request(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {

        /** The body's {@code application/x-www-form-urlencoded} fields. */
        public Map<String, String> form() {
            return fields(body);
        }

        static Map<String, String> fields(String encoded) {
            Map<String, String> fields = new HashMap<>();
            if (encoded == null || encoded.isEmpty()) {
                return fields;
            }
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return fields;
        }
    }

    /** What a route answers. */
    public record Answer(int status, String body, Map<String, String> headers) {

        public static Answer json(int status, String body) {
            return new Answer(status, body, Map.of());
        }
    }

    private final HttpServer server;
    private final ScheduledExecutorService pushes = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("sandbox-push-", 0).factory());
    private final Map<String, Source> sources = new TreeMap<>();

    /**
     * Serves one sandbox for every source Tracklight can ask ({@link CarrierConnections}), so a source added there
     * without its sandbox fails here, at the local cloud's start, not in a merchant's demo.
     */
    public CarrierSandbox(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the carrier sandbox could not listen on " + port, e);
        }
        Map<String, Source> built = new TreeMap<>();
        for (Source source : List.of(new EasyPostSandbox(pushes), new UpsSandbox(pushes), new SeventeenTrackSandbox(pushes), new DhlSandbox(),
                new FedExSandbox(), new UspsSandbox(), new ShippoSandbox(pushes),
                new AfterShipSandbox(pushes), new Kuaidi100Sandbox(pushes))) {
            built.put(source.name(), source);
        }
        Set<String> asked = new TreeSet<>(CarrierConnections.of(name -> Optional.empty()).sources());
        if (!asked.equals(built.keySet())) {
            server.stop(0);
            throw new IllegalStateException("the sandbox serves " + built.keySet() + " but Tracklight asks " + asked
                    + ": every source in CarrierConnections needs its sandbox here");
        }
        sources.putAll(built);
        for (Source source : sources.values()) {
            server.createContext("/" + source.name() + "/", exchange -> handle(source, exchange));
        }
        server.start();
    }

    /** Where a source is served: its base URL for the functions' configuration. */
    public URI baseUrl(String source) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + source);
    }

    /** Every source's base URL, by source. */
    public Map<String, URI> baseUrls() {
        Map<String, URI> urls = new TreeMap<>();
        sources.keySet().forEach(name -> urls.put(name, baseUrl(name)));
        return urls;
    }

    /** The sandbox of one source, for tests that look at what it was asked. */
    public <T extends Source> T source(String name, Class<T> type) {
        return type.cast(sources.get(name));
    }

    private static void handle(Source source, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(source.name().length() + 1);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            try {
                answer = source.handle(new Request(exchange.getRequestMethod(), path, Request.fields(exchange.getRequestURI().getRawQuery()),
                        headers, body));
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
