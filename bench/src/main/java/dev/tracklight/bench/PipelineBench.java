package dev.tracklight.bench;

import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.core.carriers.tracklight.TracklightAdapter;
import dev.tracklight.core.json.Json;
import dev.tracklight.local.LocalCloud;
import dev.tracklight.local.demo.TracklightClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./tracklight bench}: drives the local cloud with signed webhooks at a target rate while WebSocket
 * clients listen, once per history length (shipments given that many events first), and reports what was
 * processed: events drained per second by the processor's own count, webhook → screen latency, and every
 * request per event as the functions' SDK interceptor counted it (DynamoDB requests, items and the capacity
 * units DynamoDB reported, SQS requests, PutEvents entries, WebSocket posts), with DynamoDB Local's PutItem
 * ceiling measured in the same run to read the drain rate against.
 */
public final class PipelineBench {

    /** At least the 16 characters every webhook secret must have. */
    private static final String SECRET = "bench-webhook-secret";
    private static final String CARRIER = "ups";
    private static final String PROCESSOR = "ProcessEventsFunction";
    /** The bench stops waiting for stragglers once nothing moved for this long. */
    private static final Duration STALL = Duration.ofSeconds(30);
    private static final int WARM_UP_RATE = 50;

    private final BenchOptions options;

    private PipelineBench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.defaults(Path.of(options.template())).runningZips())) {
            new PipelineBench(options).run(cloud);
        }
        System.exit(0);
    }

    /** What one run saw, over its phases: webhooks accepted and refused, pushes received of those expected, and the costs. */
    record Outcome(int accepted, int refused, int delivered, int expected, List<PhaseCost> phases) {
    }

    /** One phase's measured figures, per event processed. */
    record PhaseCost(int history, double processed, double drainedPerSecond, double writeRequests, double itemsWritten,
                     double writeUnits, double readRequests, double readUnits, double sqsRequests, double putEventsEntries,
                     double connectionPosts, double processorMillis, double p99Millis) {

        double capacityUnits() {
            return writeUnits + readUnits;
        }
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
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int accepted = 0;
        int refused = 0;
        int delivered = 0;
        int expected = 0;
        List<PhaseCost> costs = new ArrayList<>();
        warmUp(cloud, client, apiKey, http, options.clients(), options.warmUp());
        for (int history : options.histories()) {
            System.out.printf("bench: %d webhooks at %d/s over %d shipments with %d events each before, %d WebSocket clients%n",
                    options.webhooks(), options.rate(), options.shipments(), history, options.clients());
            List<String> numbers = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < options.shipments(); i++) {
                String number = "BENCH" + history + "X" + i + "X" + System.nanoTime();
                HttpResponse<String> created = client.registerShipment(apiKey, Json.write(Map.of("carrier", CARRIER, "trackingNumber", number)));
                Map<?, ?> shipment = Json.read(created.body(), Map.class);
                String url = (String) shipment.get("trackingUrl");
                numbers.add(number);
                ids.add((String) shipment.get("id"));
                tokens.add(url.substring(url.lastIndexOf('/') + 1));
            }
            HistoryPreload.give(cloud, ids, CARRIER, numbers, history);

            BenchPhase phase = new BenchPhase(SECRET, "bench-h" + history + "-");
            List<WebSocket> sockets = phase.listen(http, cloud.webSocketEndpoint(), tokens, options.clients());
            int listenersPerShipment = Math.max(1, options.clients() / options.shipments());
            int phaseExpected = options.webhooks() * Math.min(options.clients(), options.shipments()) / options.shipments() * listenersPerShipment;
            Map<String, Invoked> before = invoked(cloud);
            long from = System.currentTimeMillis();
            Instant start = Instant.now();
            phase.drive(http, cloud.httpEndpoint(), CARRIER, numbers, options.webhooks(), options.rate());
            Duration sending = Duration.between(start, Instant.now());
            awaitEverything(cloud, phase, phaseExpected, from);
            sockets.forEach(WebSocket::abort);
            long to = System.currentTimeMillis();

            Map<String, Invoked> during = since(invoked(cloud), before);
            PhaseCost cost = cost(cloud, phase, history, from, to, during.get(PROCESSOR).busy());
            report(cloud, phase, sending, phaseExpected, cost, from, to, during);
            costs.add(cost);
            accepted += phase.accepted();
            refused += phase.refused();
            delivered += phase.delivered();
            expected += phaseExpected;
        }

        double putCeiling = PutItemCeiling.measure(cloud.dynamoDb(), table, 8, 4_000);
        System.out.printf("DynamoDB Local PutItem ceiling (8 threads, measured after the phases): %.0f items/s%n", putCeiling);
        if (costs.size() > 1) {
            PhaseCost few = costs.getFirst();
            PhaseCost many = costs.getLast();
            System.out.printf("history: per event on a %d-event shipment %.2f× the capacity units (%.2f vs %.2f), %.2f× the processor time"
                            + " (%.1f vs %.1f ms) of a %d-event one%n", many.history(), many.capacityUnits() / few.capacityUnits(),
                    many.capacityUnits(), few.capacityUnits(), many.processorMillis() / few.processorMillis(), many.processorMillis(),
                    few.processorMillis(), few.history());
        }
        PhaseCost main = costs.getFirst();
        System.out.printf("bench: drained %.0f events/s = %.2f × PutItem ceiling; p99 %.0f ms at %d/s offered; %.2f writes (%.2f items), %.2f reads,"
                        + " %.2f WCU per event%n", main.drainedPerSecond(), main.drainedPerSecond() / putCeiling, main.p99Millis(), options.rate(),
                main.writeRequests(), main.itemsWritten(), main.readRequests(), main.writeUnits());
        return new Outcome(accepted, refused, delivered, expected, costs);
    }

    /**
     * Starts the functions' instances first (the WebSocket ones with as many pages as a phase opens), so the
     * phases measure warm functions, as a busy pipeline has.
     */
    private static void warmUp(LocalCloud cloud, TracklightClient client, String apiKey, HttpClient http, int clients, int webhooks)
            throws Exception {
        String number = "BENCHWARMUP" + System.nanoTime();
        Map<?, ?> shipment = Json.read(client.registerShipment(apiKey, Json.write(Map.of("carrier", CARRIER, "trackingNumber", number))).body(), Map.class);
        String url = (String) shipment.get("trackingUrl");
        BenchPhase warmUp = new BenchPhase(SECRET, "bench-warm-up-");
        List<WebSocket> sockets = warmUp.listen(http, cloud.webSocketEndpoint(), List.of(url.substring(url.lastIndexOf('/') + 1)), clients);
        long from = System.currentTimeMillis();
        warmUp.drive(http, cloud.httpEndpoint(), CARRIER, List.of(number), webhooks, WARM_UP_RATE);
        awaitEverything(cloud, warmUp, webhooks * clients, from);
        sockets.forEach(WebSocket::abort);
        System.out.printf("warm-up: %d webhooks, %d pushes seen by %d pages%n", webhooks, warmUp.delivered(), clients);
    }

    /** Waits until every accepted webhook's event was processed and every push seen, or nothing moved for {@link #STALL}. */
    private static void awaitEverything(LocalCloud cloud, BenchPhase phase, int expected, long from) throws InterruptedException {
        long lastChange = System.nanoTime();
        double lastSeen = -1;
        while (true) {
            double processed = EmfTotals.of(cloud.logLinesOf(PROCESSOR), from, Long.MAX_VALUE).total("EventsProcessed");
            double seen = processed + phase.delivered();
            if (processed >= phase.accepted() && phase.delivered() >= expected) {
                return;
            }
            if (seen != lastSeen) {
                lastSeen = seen;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > STALL.toNanos()) {
                return;
            }
            Thread.sleep(500);
        }
    }

    /** A function's invocations and the time they took (Lambda's billed duration), so far or in a phase. */
    private record Invoked(long invocations, Duration busy) {
    }

    private static Map<String, Invoked> invoked(LocalCloud cloud) {
        Map<String, Invoked> invoked = new LinkedHashMap<>();
        cloud.functionIds().forEach(id -> invoked.put(id, new Invoked(cloud.busyOf(id).invocations(), cloud.busyOf(id).total())));
        return invoked;
    }

    private static Map<String, Invoked> since(Map<String, Invoked> now, Map<String, Invoked> before) {
        Map<String, Invoked> during = new LinkedHashMap<>();
        now.forEach((id, at) -> during.put(id, new Invoked(at.invocations() - before.get(id).invocations(), at.busy().minus(before.get(id).busy()))));
        return during;
    }

    private static PhaseCost cost(LocalCloud cloud, BenchPhase phase, int history, long from, long to, Duration processorBusy) {
        EmfTotals all = new EmfTotals();
        for (String id : cloud.functionIds()) {
            all = all.plus(EmfTotals.of(cloud.logLinesOf(id), from, to));
        }
        EmfTotals processor = EmfTotals.of(cloud.logLinesOf(PROCESSOR), from, to);
        double processed = processor.total("EventsProcessed");
        double per = Math.max(1, processed);
        double processorMillis = processorBusy.toNanos() / 1e6;
        return new PhaseCost(history, processed, DrainRate.of(processor.samples("EventsProcessed")),
                all.total("DynamoDbWriteRequests") / per, all.total("DynamoDbItemsWritten") / per, all.total("DynamoDbWriteUnits") / per,
                all.total("DynamoDbReadRequests") / per, all.total("DynamoDbReadUnits") / per, all.total("SqsRequests") / per,
                all.total("PutEventsEntries") / per, all.total("ConnectionPosts") / per, processorMillis / per,
                quantileMillis(phase.sortedLatenciesMicros(), 0.99));
    }

    private void report(LocalCloud cloud, BenchPhase phase, Duration sending, int expected, PhaseCost cost, long from, long to,
                        Map<String, Invoked> invoked) {
        List<Long> sorted = phase.sortedLatenciesMicros();
        System.out.println();
        System.out.printf("webhooks: %d accepted, %d refused in %.1f s → %.0f webhooks/s accepted (target %d/s)%n",
                phase.accepted(), phase.refused(), sending.toNanos() / 1e9, phase.accepted() / (sending.toNanos() / 1e9), options.rate());
        System.out.printf("processed: %.0f of %d accepted events, drained %.1f events/s in the steady part (processor's EventsProcessed, 10–90 %%)%n",
                cost.processed(), phase.accepted(), cost.drainedPerSecond());
        if (cost.processed() < phase.accepted()) {
            System.out.printf("  not processed: %d; EventsQueue holds %s, its dead-letter queue %s%n", phase.accepted() - (int) cost.processed(),
                    depth(cloud, "EventsQueue"), depth(cloud, "EventsDeadLetterQueue"));
        }
        System.out.printf("pushes:   %d of %d expected WebSocket deliveries%n", phase.delivered(), expected);
        System.out.printf("latency webhook accepted → message received: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                quantileMillis(sorted, 0.50), quantileMillis(sorted, 0.95), quantileMillis(sorted, 0.99), quantileMillis(sorted, 1.0));
        System.out.printf("per event (counted by the functions' SDK interceptor): DynamoDB %.2f write requests (%.2f items, %.2f WCU), %.2f read"
                        + " requests (%.2f RCU); SQS %.2f requests; %.2f PutEvents entries; %.2f WebSocket posts; processor %.2f ms%n",
                cost.writeRequests(), cost.itemsWritten(), cost.writeUnits(), cost.readRequests(), cost.readUnits(), cost.sqsRequests(),
                cost.putEventsEntries(), cost.connectionPosts(), cost.processorMillis());
        System.out.printf("  %-28s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s%n", "function", "calls", "ms", "writes", "items", "WCU", "reads", "RCU",
                "sqs", "entries", "posts");
        double per = Math.max(1, cost.processed());
        for (String id : cloud.functionIds()) {
            EmfTotals function = EmfTotals.of(cloud.logLinesOf(id), from, to);
            if (invoked.get(id).invocations() == 0) {
                continue;
            }
            System.out.printf("  %-28s %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f%n", id, invoked.get(id).invocations() / per,
                    invoked.get(id).busy().toNanos() / 1e6 / per, function.total("DynamoDbWriteRequests") / per,
                    function.total("DynamoDbItemsWritten") / per, function.total("DynamoDbWriteUnits") / per,
                    function.total("DynamoDbReadRequests") / per, function.total("DynamoDbReadUnits") / per, function.total("SqsRequests") / per,
                    function.total("PutEventsEntries") / per, function.total("ConnectionPosts") / per);
        }
    }

    private static String depth(LocalCloud cloud, String queue) {
        var attributes = cloud.sqs().getQueueAttributes(request -> request.queueUrl(cloud.queueUrl(queue))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES) + " waiting, "
                + attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE) + " in flight";
    }

    /** @return NaN when nothing was timed */
    private static double quantileMillis(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
