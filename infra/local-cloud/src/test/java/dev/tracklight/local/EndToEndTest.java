package dev.tracklight.local;

import dev.tracklight.core.json.Json;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One carrier event travelling the whole chain: webhook → SQS → processor → DynamoDB → EventBridge → push. */
class EndToEndTest {

    private static final Duration PUSH_TIMEOUT = SharedCloud.JOURNEY;
    private static final java.lang.reflect.Type MAP = new HashMap<String, Object>() { }.getClass().getGenericSuperclass();

    @Test
    void aSignedWebhookReachesTheSubscribedPageAndTheTrackingApiShowsTheSameView() throws Exception {
        // GIVEN a registered shipment whose tracking page is subscribed over the WebSocket
        LocalCloud cloud = SharedCloud.get();
        String number = SharedCloud.uniqueTrackingNumber();
        String token = SharedCloud.tokenOf(SharedCloud.register("ups", number));
        try (WebSocketClient page = WebSocketClient.connect(cloud.webSocketEndpoint(), token)) {
            page.send("subscribe");
            Map<String, Object> initial = page.await(m -> "view".equals(m.get("type")), PUSH_TIMEOUT);
            assertThat(view(initial).get("status")).isEqualTo("PENDING");

            // WHEN the carrier posts a signed webhook
            String occurredAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            HttpResponse<String> accepted = SharedCloud.client().postSignedWebhook(SharedCloud.SECRET,
                    SharedCloud.webhook("ups", " " + number.toLowerCase(), "OUT_FOR_DELIVERY", "OT", occurredAt, "Out for delivery"));

            // THEN it is accepted, and the page receives the new view without asking
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(accepted.headers().firstValue("content-type")).hasValue("application/json");
            Map<String, Object> pushed = view(page.await(m -> "view".equals(m.get("type"))
                    && "OUT_FOR_DELIVERY".equals(view(m).get("status")), PUSH_TIMEOUT));
            assertThat(pushed.get("trackingNumber")).isEqualTo(number);
            List<?> timeline = (List<?>) pushed.get("timeline");
            assertThat(timeline).hasSize(1);
            assertThat(((Map<?, ?>) timeline.getFirst()).get("message")).isEqualTo("Out for delivery");

            // AND the tracking API returns that same view
            HttpResponse<String> tracked = SharedCloud.client().track(token);
            assertThat(tracked.statusCode()).isEqualTo(200);
            assertThat(Json.<Map<String, Object>>read(tracked.body(), MAP)).isEqualTo(pushed);
        }
    }

    @Test
    void theSameWebhookSentTwiceIsStoredOnceAndAnnouncedOnce() throws Exception {
        LocalCloud cloud = SharedCloud.get();
        String number = SharedCloud.uniqueTrackingNumber();
        String token = SharedCloud.tokenOf(SharedCloud.register("dhl", number));
        String body = SharedCloud.webhook("dhl", number, "PICKED_UP", "PU", "2026-11-20T10:00:00+08:00", "Picked up");
        try (WebSocketClient page = WebSocketClient.connect(cloud.webSocketEndpoint(), token)) {
            page.send("subscribe");
            page.await(m -> "view".equals(m.get("type")), PUSH_TIMEOUT);

            assertThat(SharedCloud.client().postSignedWebhook(SharedCloud.SECRET, body).statusCode()).isEqualTo(202);
            int pickedUp = ((Number) view(page.await(m -> "PICKED_UP".equals(view(m).get("status")), PUSH_TIMEOUT)).get("version")).intValue();
            assertThat(SharedCloud.client().postSignedWebhook(SharedCloud.SECRET, body).statusCode()).isEqualTo(202);
            // a later, different event proves the duplicate has been processed by the time it arrives
            assertThat(SharedCloud.client().postSignedWebhook(SharedCloud.SECRET,
                    SharedCloud.webhook("dhl", number, "IN_TRANSIT", "PL", "2026-11-20T12:00:00+08:00", "Processed")).statusCode()).isEqualTo(202);
            Map<String, Object> latest = view(page.await(m -> "IN_TRANSIT".equals(view(m).get("status")), PUSH_TIMEOUT));

            assertThat(((Number) latest.get("timelineTotal")).intValue()).as("stored once").isEqualTo(2);
            assertThat(((List<?>) latest.get("timeline")).stream().map(entry -> String.valueOf(((Map<?, ?>) entry).get("message"))).toList())
                    .as("a change announces the checkpoints it brought").containsExactly("Processed");
            assertThat((List<?>) Json.read(SharedCloud.client().track(token).body(), Map.class).get("timeline")).hasSize(2);
            assertThat(((Number) latest.get("version")).intValue()).as("the in-transit scan, and nothing between").isEqualTo(pickedUp + 1);
        }
    }

    @Test
    void eventsForANumberNobodyRegisteredYetAreKeptAndAttachedOnRegistration() throws Exception {
        String number = SharedCloud.uniqueTrackingNumber();
        assertThat(SharedCloud.client().postSignedWebhook(SharedCloud.SECRET,
                SharedCloud.webhook("fedex", number, "PICKED_UP", "PU", "2026-11-20T10:00:00-05:00", "Picked up")).statusCode()).isEqualTo(202);

        Map<?, ?> shipment = awaitRegisteredWithStatus("fedex", number, "PICKED_UP");

        assertThat(shipment.get("status")).isEqualTo("PICKED_UP");
    }

    /** The webhook is queued, not yet processed, when it is acknowledged: register once it has been kept. */
    private static Map<?, ?> awaitRegisteredWithStatus(String carrier, String number, String status) throws Exception {
        long deadline = System.nanoTime() + PUSH_TIMEOUT.toNanos();
        var query = SharedCloud.get().dynamoDb();
        while (System.nanoTime() < deadline) {
            int kept = query.query(request -> request.tableName(SharedCloud.table())
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("TRK#" + carrier + "#" + number))))
                    .count();
            if (kept > 0) {
                Map<?, ?> shipment = SharedCloud.register(carrier, number);
                assertThat(shipment.get("status")).isEqualTo(status);
                return shipment;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the early event was not kept");
    }

    @Test
    void theTrackingPageIsServedWithAStrictContentSecurityPolicy() throws Exception {
        LocalCloud cloud = SharedCloud.get();
        String token = SharedCloud.tokenOf(SharedCloud.register("ups", SharedCloud.uniqueTrackingNumber()));

        HttpResponse<String> page = SharedCloud.client().send(HttpRequest.newBuilder(URI.create(cloud.httpEndpoint() + "/t/" + token)).GET());
        HttpResponse<String> config = SharedCloud.client().send(HttpRequest.newBuilder(URI.create(cloud.httpEndpoint() + "/t/config.json")).GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/t/assets/app.js\"").doesNotContain("<script>");
        assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(Json.<Map<String, Object>>read(config.body(), MAP)).containsEntry("webSocketUrl", cloud.webSocketEndpoint().toString());
    }

    @Test
    void anUnknownTrackingTokenIsANotFoundProblem() throws Exception {
        HttpResponse<String> response = SharedCloud.client().track("no-such-token");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(Map<String, Object> message) {
        return message.get("view") instanceof Map<?, ?> view ? (Map<String, Object>) view : Map.of();
    }
}
