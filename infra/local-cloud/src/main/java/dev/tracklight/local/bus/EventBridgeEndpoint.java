package dev.tracklight.local.bus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tracklight.core.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The EventBridge API on 127.0.0.1 (AWS JSON 1.1, {@code X-Amz-Target: AWSEvents.PutEvents}), so functions
 * publish with the real {@code EventBridgeClient}.
 */
public final class EventBridgeEndpoint implements AutoCloseable {

    private static final String PUT_EVENTS = "AWSEvents.PutEvents";

    private final HttpServer server;

    public EventBridgeEndpoint(LocalEventBridge bridge, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("EventBridge endpoint could not listen on " + port, e);
        }
        server.createContext("/", exchange -> handle(bridge, exchange));
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @SuppressWarnings("unchecked")
    private static void handle(LocalEventBridge bridge, HttpExchange exchange) throws IOException {
        // the exchange is closed after the answer: a try-with-resources would close it before its catch could answer
        try (exchange) {
            try {
                respond(exchange, 200, putEvents(bridge, exchange));
            } catch (UnsupportedOperationException e) {
                respond(exchange, 400, Map.of("__type", "UnknownOperationException", "message", e.getMessage()));
            } catch (RuntimeException e) {
                respond(exchange, 400, Map.of("__type", "ValidationException", "message", String.valueOf(e.getMessage())));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> putEvents(LocalEventBridge bridge, HttpExchange exchange) throws IOException {
        if (!PUT_EVENTS.equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
            throw new UnsupportedOperationException("only PutEvents is served locally");
        }
        Map<String, Object> request = Json.read(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Map.class);
        List<LocalEventBridge.Entry> entries = ((List<Map<String, Object>>) request.get("Entries")).stream()
                .map(e -> new LocalEventBridge.Entry((String) e.get("EventBusName"), (String) e.get("Source"),
                        (String) e.get("DetailType"), (String) e.get("Detail")))
                .toList();
        List<String> ids = bridge.putEvents(entries);
        return Map.of("FailedEntryCount", 0, "Entries", ids.stream().map(id -> Map.of("EventId", id)).toList());
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
