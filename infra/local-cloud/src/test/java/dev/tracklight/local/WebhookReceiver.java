package dev.tracklight.local;

import com.sun.net.httpserver.HttpServer;
import dev.tracklight.core.webhook.WebhookSignature;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A merchant's webhook endpoint on 127.0.0.1: answers each request with the status {@code answer} gives for
 * the how-many-th request of that event id it is (1 for the first), and keeps every request it received.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and what it was answered. */
    record Received(String eventId, String eventType, String timestamp, String signature, String attempt, String body, int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> requestsPerEvent = new ConcurrentHashMap<>();
    private volatile IntUnaryOperator answer;

    WebhookReceiver(IntUnaryOperator answer) throws IOException {
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            var headers = exchange.getRequestHeaders();
            String eventId = headers.getFirst(WebhookSignature.EVENT_ID_HEADER);
            int status = this.answer.applyAsInt(requestsPerEvent.computeIfAbsent(String.valueOf(eventId), id -> new AtomicInteger()).incrementAndGet());
            received.add(new Received(eventId, headers.getFirst(WebhookSignature.EVENT_TYPE_HEADER), headers.getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    headers.getFirst(WebhookSignature.SIGNATURE_HEADER), headers.getFirst(WebhookSignature.ATTEMPT_HEADER), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void answer(IntUnaryOperator newAnswer) {
        answer = newAnswer;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
