package dev.tracklight.local.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

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
 * Amazon SNS's {@code Publish} to a phone number on 127.0.0.1 (the query protocol the SDK speaks), recording what
 * would be texted instead of texting it, for the tests to read.
 */
public final class LocalTexts implements AutoCloseable {

    /** One text as SNS would have sent it. */
    public record Text(String phoneNumber, String message) {
    }

    private final HttpServer server;
    private final List<Text> sent = new CopyOnWriteArrayList<>();

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

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!"Publish".equals(form.get("Action")) || form.get("PhoneNumber") == null) {
                respond(exchange, 400, "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameter</Code>"
                        + "<Message>only Publish to a phone number is served locally</Message></Error></ErrorResponse>");
                return;
            }
            sent.add(new Text(form.get("PhoneNumber"), form.get("Message")));
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
    }
}
