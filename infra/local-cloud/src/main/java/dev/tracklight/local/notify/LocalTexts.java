package dev.tracklight.local.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tracklight.local.invoke.LocalFunction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Amazon SNS's {@code Publish} on 127.0.0.1 (the query protocol the SDK speaks): to a phone number it records what would
 * be texted instead of texting it, for the tests to read; to a topic it delivers the message to the functions the
 * template subscribes to it ({@code SNS} events), as SNS invokes Lambda, retrying a failure twice.
 */
public final class LocalTexts implements AutoCloseable {

    /** One text as SNS would have sent it. */
    public record Text(String phoneNumber, String message) {
    }

    private final HttpServer server;
    private final List<Text> sent = new CopyOnWriteArrayList<>();
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final Map<String, List<LocalFunction>> subscribers = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService deliveries = java.util.concurrent.Executors.newCachedThreadPool();
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();

    public LocalTexts(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the SNS endpoint could not listen on " + port, e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** What functions use as {@code AWS_ENDPOINT_URL_SNS}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Text> sent() {
        return List.copyOf(sent);
    }

    /** A function the template subscribes to the topic. */
    public void subscribe(String topicArn, LocalFunction function) {
        subscribers.computeIfAbsent(topicArn, arn -> new CopyOnWriteArrayList<>()).add(function);
    }

    /** Deliveries to subscribed functions that failed every attempt since the start. */
    public long failures() {
        return failures.get();
    }

    /** Every message published to a topic since the start. */
    public List<String> published() {
        return List.copyOf(published);
    }

    /** Publishes to a topic, as SES's event destination or a {@code Publish} with a {@code TopicArn} does. */
    public void publish(String topicArn, String message) {
        published.add(message);
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("Type", "Notification");
        notification.put("MessageId", UUID.randomUUID().toString());
        notification.put("TopicArn", topicArn);
        notification.put("Message", message);
        notification.put("Timestamp", java.time.Instant.now().toString());
        notification.put("MessageAttributes", Map.of());
        Map<String, Object> event = Map.of("Records", List.of(Map.of("EventSource", "aws:sns", "EventVersion", "1.0",
                "EventSubscriptionArn", topicArn + ":local", "Sns", notification)));
        for (LocalFunction function : subscribers.getOrDefault(topicArn, List.of())) {
            deliveries.submit(() -> deliver(function, event));
        }
    }

    private void deliver(LocalFunction function, Map<String, Object> event) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                function.invoke(event);
                return;
            } catch (RuntimeException e) {
                System.err.println("[sns] " + function.name() + " failed (attempt " + attempt + "): " + e);
            }
        }
        failures.incrementAndGet();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!"Publish".equals(form.get("Action")) || form.get("PhoneNumber") == null && form.get("TopicArn") == null) {
                respond(exchange, 400, "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameter</Code>"
                        + "<Message>only Publish is served locally</Message></Error></ErrorResponse>");
                return;
            }
            if (form.get("TopicArn") != null) {
                publish(form.get("TopicArn"), form.get("Message"));
            } else {
                sent.add(new Text(form.get("PhoneNumber"), form.get("Message")));
            }
            respond(exchange, 200, "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>"
                    + UUID.randomUUID() + "</MessageId></PublishResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
                    + "</RequestId></ResponseMetadata></PublishResponse>");
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void respond(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        deliveries.shutdownNow();
    }
}
