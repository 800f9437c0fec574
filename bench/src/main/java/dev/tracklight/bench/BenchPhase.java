package dev.tracklight.bench;

import dev.tracklight.core.carriers.tracklight.TracklightAdapter;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.view.TrackingViews;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One phase of the bench: signed webhooks at a target rate for a set of shipments while WebSocket clients
 * watch them, each bench event timed from its webhook's 202 to the first push that shows it. A client
 * watches one shipment, so it keeps what it was shown as the page does.
 */
final class BenchPhase {

    /** The newest checkpoints a whole view holds (TrackingViews.MAX_TIMELINE_ENTRIES). */
    private static final int WHOLE_VIEW = TrackingViews.MAX_TIMELINE_ENTRIES;

    private final String secret;
    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger delivered = new AtomicInteger();
    private final String prefix;

    BenchPhase(String secret, String prefix) {
        this.secret = secret;
        this.prefix = prefix;
    }

    int accepted() {
        return accepted.get();
    }

    int refused() {
        return refused.get();
    }

    int delivered() {
        return delivered.get();
    }

    List<Long> sortedLatenciesMicros() {
        return latenciesMicros.stream().sorted().toList();
    }

    /** Opens the clients' sockets, each subscribed to one of the shipments' pages (round robin). */
    List<WebSocket> listen(HttpClient http, URI webSocketEndpoint, List<String> tokens, int clients) {
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create(webSocketEndpoint + "?token=" + tokens.get(i % tokens.size())), new Listener())
                    .join();
            socket.sendText("{\"action\":\"subscribe\"}", true).join();
            sockets.add(socket);
        }
        return sockets;
    }

    /** Posts {@code webhooks} webhooks at {@code rate} a second, round robin over the numbers; returns once all are answered. */
    void drive(HttpClient http, URI endpoint, String carrier, List<String> numbers, int webhooks, int rate) throws InterruptedException {
        long intervalNanos = 1_000_000_000L / rate;
        long begin = System.nanoTime();
        List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
        long lastProgress = begin;
        for (int n = 0; n < webhooks; n++) {
            long wait = begin + n * intervalNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String id = prefix + n;
            String body = Json.write(Map.of("carrier", carrier, "trackingNumber", numbers.get(n % numbers.size()),
                    "events", List.of(Map.of("status", "IN_TRANSIT", "code", id, "message", id, "occurredAt", Instant.now().toString()))));
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/webhooks/carriers/tracklight"))
                    .header("Content-Type", "application/json")
                    .header(TracklightAdapter.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(TracklightAdapter.SIGNATURE_HEADER, TracklightAdapter.signature(secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() == 202) {
                    acceptedAt.put(id, System.nanoTime());
                    accepted.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
            }));
            if (System.nanoTime() - lastProgress > 1_000_000_000L) {
                lastProgress = System.nanoTime();
                System.out.printf("  sent %d, accepted %d, pushes received %d%n", n + 1, accepted.get(), delivered.get());
            }
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
    }

    /** Records, per client, the first time it sees each of this phase's events in a pushed view. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final Set<String> shown = ConcurrentHashMap.newKeySet();
        private final Set<String> asked = ConcurrentHashMap.newKeySet();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                Map<?, ?> message = Json.read(partial.toString(), Map.class);
                partial.setLength(0);
                if (message.get("view") instanceof Map<?, ?> view && view.get("timeline") instanceof List<?> timeline) {
                    for (Object entry : timeline) {
                        shown.add(String.valueOf(((Map<?, ?>) entry).get("occurredAt")) + ((Map<?, ?>) entry).get("message"));
                    }
                    // as the page does: a change announces only its own checkpoints; a gap asks for the whole view
                    if (view.get("timelineTotal") instanceof Number total && Math.min(total.intValue(), WHOLE_VIEW) > shown.size()
                            && asked.add(String.valueOf(view.get("version")))) {
                        socket.sendText("{\"action\":\"subscribe\"}", true);
                    }
                    for (Object entry : timeline) {
                        if (((Map<?, ?>) entry).get("message") instanceof String id && id.startsWith(prefix) && seen.add(id)) {
                            Long sent = acceptedAt.get(id);
                            if (sent != null) {
                                latenciesMicros.add(Math.max(0, (now - sent) / 1_000));
                            }
                            delivered.incrementAndGet();
                        }
                    }
                }
            }
            socket.request(1);
            return null;
        }
    }
}
