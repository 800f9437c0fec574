package dev.tracklight.bench;

import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.core.carriers.tracklight.TracklightAdapter;
import dev.tracklight.core.json.Json;
import dev.tracklight.local.LocalCloud;
import dev.tracklight.local.demo.TracklightClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
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
 * {@code ./tracklight bench}: drives the local cloud with signed webhooks at a target rate while WebSocket
 * clients listen, and reports throughput and webhook-accepted → message-received latency; in the same run
 * it measures DynamoDB Local's raw PutItem ceiling so the pipeline's write rate can be read as a ratio.
 */
public final class PipelineBench {

    /** DynamoDB writes the pipeline makes per event: the event, the shipment, the publish mark. */
    static final int WRITES_PER_EVENT = 3;
    /** At least the 16 characters every webhook secret must have. */
    private static final String SECRET = "bench-webhook-secret";

    private final BenchOptions options;
    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger delivered = new AtomicInteger();

    private PipelineBench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.defaults(Path.of(options.template())))) {
            new PipelineBench(options).run(cloud);
        }
        System.exit(0);
    }

    /** What one run saw: webhooks accepted and refused, pushes received of those expected. */
    record Outcome(int accepted, int refused, int delivered, int expected) {
    }

    /** One run against a local cloud the caller started (and stops). */
    static Outcome run(LocalCloud cloud, BenchOptions options) throws Exception {
        return new PipelineBench(options).run(cloud);
    }

    private Outcome run(LocalCloud cloud) throws Exception {
        String table = cloud.environmentOf("TrackingApiFunction").get("TABLE_NAME");
        new WebhookEndpointStore(cloud.dynamoDb(), table).putPlatform(TracklightAdapter.SOURCE, SECRET);
        String apiKey = new ApiKeyStore(cloud.dynamoDb(), table).issue("bench");
        TracklightClient client = new TracklightClient(cloud.httpEndpoint());
        System.out.printf("bench: %d webhooks at %d/s over %d shipments, %d WebSocket clients%n",
                options.webhooks(), options.rate(), options.shipments(), options.clients());

        List<String> numbers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < options.shipments(); i++) {
            String number = "BENCH" + i;
            HttpResponse<String> created = client.registerShipment(apiKey, Json.write(Map.of("carrier", "ups", "trackingNumber", number)));
            String url = (String) Json.read(created.body(), Map.class).get("trackingUrl");
            numbers.add(number);
            tokens.add(url.substring(url.lastIndexOf('/') + 1));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create(cloud.webSocketEndpoint() + "?token=" + tokens.get(i % tokens.size())), new Listener())
                    .join();
            socket.sendText("{\"action\":\"subscribe\"}", true).join();
            sockets.add(socket);
        }
        int listenersPerShipment = Math.max(1, options.clients() / options.shipments());
        int expected = options.webhooks() * Math.min(options.clients(), options.shipments()) / options.shipments() * listenersPerShipment;

        Instant start = Instant.now();
        drive(http, cloud.httpEndpoint(), numbers);
        Duration sending = Duration.between(start, Instant.now());
        Instant deadline = Instant.now().plusSeconds(60);
        while (delivered.get() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        Duration total = Duration.between(start, Instant.now());
        sockets.forEach(WebSocket::abort);

        double putCeiling = PutItemCeiling.measure(cloud.dynamoDb(), table, 8, 4_000);
        report(sending, total, expected, putCeiling);
        return new Outcome(accepted.get(), refused.get(), delivered.get(), expected);
    }

    private void drive(HttpClient http, URI endpoint, List<String> numbers) throws InterruptedException {
        long intervalNanos = 1_000_000_000L / options.rate();
        long begin = System.nanoTime();
        List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
        long lastProgress = begin;
        for (int n = 0; n < options.webhooks(); n++) {
            long due = begin + n * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String id = "bench-" + n;
            String body = Json.write(Map.of("carrier", "ups", "trackingNumber", numbers.get(n % numbers.size()),
                    "events", List.of(Map.of("status", "IN_TRANSIT", "code", id, "message", id,
                            "occurredAt", Instant.now().toString()))));
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/webhooks/carriers/tracklight"))
                    .header("Content-Type", "application/json")
                    .header(TracklightAdapter.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(TracklightAdapter.SIGNATURE_HEADER, TracklightAdapter.signature(SECRET, timestamp, body))
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

    private void report(Duration sending, Duration total, int expected, double putCeiling) {
        List<Long> sorted = latenciesMicros.stream().sorted().toList();
        double acceptedPerSecond = accepted.get() / (sending.toNanos() / 1e9);
        double pipelineWrites = acceptedPerSecond * WRITES_PER_EVENT;
        System.out.println();
        System.out.printf("webhooks: %d accepted, %d refused in %.1f s → %.0f webhooks/s accepted (target %d/s)%n",
                accepted.get(), refused.get(), sending.toNanos() / 1e9, acceptedPerSecond, options.rate());
        System.out.printf("pushes:   %d of %d expected WebSocket deliveries in %.1f s%n", delivered.get(), expected, total.toNanos() / 1e9);
        System.out.printf("latency webhook accepted → message received: p50 %s, p95 %s, p99 %s, max %s%n",
                millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99), millis(sorted, 1.0));
        System.out.printf("DynamoDB Local PutItem ceiling (8 threads): %.0f items/s%n", putCeiling);
        System.out.printf("pipeline writes: %.0f/s (%d per event) = %.2f of the PutItem ceiling%n",
                pipelineWrites, WRITES_PER_EVENT, pipelineWrites / putCeiling);
    }

    private static String millis(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return "n/a";
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return String.format("%.0f ms", sorted.get(Math.max(0, index)) / 1000.0);
    }

    /** Records, per client, the first time it sees each bench event in a pushed view. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final Set<String> seen = ConcurrentHashMap.newKeySet();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                Map<?, ?> message = Json.read(partial.toString(), Map.class);
                partial.setLength(0);
                if (message.get("view") instanceof Map<?, ?> view && view.get("timeline") instanceof List<?> timeline) {
                    for (Object entry : timeline) {
                        if (((Map<?, ?>) entry).get("message") instanceof String id && id.startsWith("bench-") && seen.add(id)) {
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
