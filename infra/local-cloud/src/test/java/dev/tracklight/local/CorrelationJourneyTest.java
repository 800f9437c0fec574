package dev.tracklight.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.core.carriers.tracklight.TracklightAdapter;
import dev.tracklight.core.json.Json;
import dev.tracklight.local.demo.TracklightClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One webhook's journey, read back from the functions' own logs the way an operator reads CloudWatch: every
 * function runs from its zip through the Lambda runtime client, and each step it reaches (ingest, the
 * processor behind the queue, the push and the merchant webhook behind the bus) logs the correlation id the
 * webhook's answer named, as JSON, with its metrics as EMF beside.
 */
class CorrelationJourneyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static LocalCloud cloud;

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalCloud.start(LocalCloud.Options.defaults(SharedCloud.template()).runningZips());
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void theCorrelationIdOfAWebhooksAnswerIsInTheLogsOfEveryFunctionItReached() throws Exception {
        // GIVEN a tenant with a webhook subscription and a shipment whose page is open
        String table = cloud.environmentOf("TrackingApiFunction").get("TABLE_NAME");
        new WebhookEndpointStore(cloud.dynamoDb(), table).putPlatform(TracklightAdapter.SOURCE, SharedCloud.SECRET);
        String key = new ApiKeyStore(cloud.dynamoDb(), table).issue("tenant-journey");
        TracklightClient client = new TracklightClient(cloud.httpEndpoint());
        try (WebhookReceiver merchant = new WebhookReceiver(request -> 204)) {
            var hook = client.merchant("POST", "/v1/webhooks", key, Json.write(Map.of("url", merchant.url(), "events", List.of("shipment.updated"))));
            assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);
            String number = SharedCloud.uniqueTrackingNumber();
            var registered = client.registerShipment(key, Json.write(Map.of("carrier", "ups", "trackingNumber", number, "orderId", "order-" + number)));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            String token = SharedCloud.tokenOf(Json.read(registered.body(), Map.class));
            try (WebSocketClient page = WebSocketClient.connect(cloud.webSocketEndpoint(), token)) {
                // (the page's $connect registered it for pushes before the handshake completed)

                // WHEN the carrier posts a signed webhook
                var accepted = client.postSignedWebhook(SharedCloud.SECRET, SharedCloud.webhook("ups", number, "IN_TRANSIT", "IT",
                        Instant.now().toString(), "Departed facility"));
                assertThat(accepted.statusCode()).isEqualTo(202);
                String correlationId = accepted.headers().firstValue("X-Correlation-Id").orElseThrow();

                // THEN the page and the merchant hear of it
                try {
                    page.await(message -> "view".equals(message.get("type")) && String.valueOf(message).contains("IN_TRANSIT"), WAIT);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + logsOf("WebSocketConnectFunction", "ProcessEventsFunction", "PushStatusFunction"), e);
                }
                awaitTrue(() -> !merchant.received().isEmpty());

                // AND each function it went through logged that id, as a JSON line of its own service
                JsonNode ingest = awaitLine("IngestCarrierFunction", correlationId, "webhook accepted");
                assertThat(ingest.path("service").asText()).isEqualTo("ingest-carrier");
                assertThat(ingest.path("source").asText()).isEqualTo("tracklight");
                assertThat(awaitLine("ProcessEventsFunction", correlationId, "events recorded").path("service").asText()).isEqualTo("process-events");
                assertThat(awaitLine("PushStatusFunction", correlationId, "view pushed").path("connections").asInt()).isEqualTo(1);
                assertThat(awaitLine("WebhookDispatchFunction", correlationId, "webhook deliveries attempted").path("service").asText())
                        .isEqualTo("webhook-dispatch");

                // AND the counts went out as EMF beside the lines (an earlier announcement, before the page opened, pushed to none)
                assertThat(awaitMetric("IngestCarrierFunction", "WebhookAccepted").path("source").asText()).isEqualTo("tracklight");
                awaitMetric("ProcessEventsFunction", "EventsProcessed");
                awaitMetric("PushStatusFunction", "PushDelivered");
                assertThat(awaitMetric("WebhookDispatchFunction", "OutboundWebhooks").path("outcome").asText()).isEqualTo("delivered");
            }
        }
    }

    private static String logsOf(String... functions) {
        StringBuilder out = new StringBuilder();
        for (String function : functions) {
            out.append("\n--- ").append(function).append(":\n").append(String.join("\n", cloud.logLinesOf(function)));
        }
        return out.toString();
    }

    private static JsonNode awaitLine(String function, String correlationId, String message) throws Exception {
        return await(function, line -> correlationId.equals(line.path("correlation_id").asText()) && message.equals(line.path("message").asText()),
                function + " logged '" + message + "' under " + correlationId);
    }

    private static JsonNode awaitMetric(String function, String metric) throws Exception {
        return await(function, line -> line.has("_aws") && line.path(metric).asDouble() >= 1, function + " wrote EMF with " + metric + " ≥ 1");
    }

    private static JsonNode await(String function, java.util.function.Predicate<JsonNode> wanted, String what) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        List<String> lines = List.of();
        while (Instant.now().isBefore(deadline)) {
            lines = cloud.logLinesOf(function);
            for (JsonNode line : json(lines)) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + "; its log:\n" + String.join("\n", lines));
    }

    /** The lines that are JSON objects: ours, and Lambda's own in JSON log format; the runtime client may print others. */
    private static List<JsonNode> json(List<String> lines) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("{")) {
                try {
                    out.add(JSON.readTree(line));
                } catch (java.io.IOException notJson) {
                    // a line that merely starts with a brace is not one of ours
                }
            }
        }
        return out;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited for the merchant's webhook").isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
