package dev.tracklight.local;

import dev.tracklight.aws.queue.DeadLetters;
import dev.tracklight.aws.queue.EventQueue;
import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.TimelineStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.core.carriers.tracklight.TracklightAdapter;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.webhook.WebhookRequest;
import dev.tracklight.local.demo.TracklightClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DynamoDB unreachable for a while: webhooks are refused with 503 (so their senders retry), events already
 * queued fail into the dead-letter queue, and after the outage {@code dlq replay} brings every one of them
 * back: nothing lost, nothing doubled. Its own cloud, because the outage would disturb the other tests.
 */
class DynamoDbOutageTest {

    @TempDir
    static Path tables;
    private static LocalCloud cloud;
    private static String apiKey;

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalCloud.start(LocalCloud.Options.defaults(SharedCloud.template()).withDynamoDbData(tables));
        String table = cloud.environmentOf("TrackingApiFunction").get("TABLE_NAME");
        new WebhookEndpointStore(cloud.dynamoDb(), table).putPlatform(TracklightAdapter.SOURCE, SharedCloud.SECRET);
        apiKey = new ApiKeyStore(cloud.dynamoDb(), table).issue("tenant-outage");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String body(String number, String... statusAndTime) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < statusAndTime.length; i += 2) {
            events.append(i == 0 ? "" : ",").append(Json.write(Map.of("status", statusAndTime[i], "code", statusAndTime[i],
                    "message", statusAndTime[i].toLowerCase(), "occurredAt", statusAndTime[i + 1])));
        }
        return "{\"carrier\":\"sf-express\",\"trackingNumber\":\"" + number + "\",\"events\":[" + events + "]}";
    }

    @Test
    void afterAnOutageTheParkedEventsReplayIntoExactlyTheStateOfTheSortedStream() throws Exception {
        TracklightClient client = new TracklightClient(cloud.httpEndpoint());
        String number = SharedCloud.uniqueTrackingNumber();
        var created = Json.read(client.registerShipment(apiKey, Json.write(Map.of("carrier", "sf-express", "trackingNumber", number,
                "orderId", "o-" + number))).body(), Map.class);
        String shipmentId = (String) created.get("id");
        String token = SharedCloud.tokenOf(created);
        assertThat(client.postSignedWebhook(SharedCloud.SECRET, body(number, "INFO_RECEIVED", "2026-11-18T08:00:00+08:00",
                "PICKED_UP", "2026-11-18T12:00:00+08:00")).statusCode()).isEqualTo(202);
        WebSocketApiTest.awaitUntil(() -> ((List<?>) Json.read(client.track(token).body(), Map.class).get("timeline")).size() == 2);
        // in flight when DynamoDB goes away: out of order, with a duplicate
        List<TrackingEvent> inFlight = new TracklightAdapter(Clock.systemUTC()).parse(new WebhookRequest(Map.of(),
                body(number, "DELIVERED", "2026-11-20T15:00:00+08:00", "IN_TRANSIT", "2026-11-19T02:00:00+08:00",
                        "OUT_FOR_DELIVERY", "2026-11-20T09:00:00+08:00", "IN_TRANSIT", "2026-11-19T02:00:00+08:00"), Instant.now()));
        var deadLetters = new DeadLetters(cloud.sqs(), cloud.queueUrl("EventsDeadLetterQueue"), cloud.queueUrl("EventsQueue"));

        try (AutoCloseable outage = cloud.dynamoDbOutage()) {
            var refused = client.postSignedWebhook(SharedCloud.SECRET, body(number, "IN_TRANSIT", "2026-11-19T20:00:00+08:00"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            new EventQueue(cloud.sqs(), cloud.queueUrl("EventsQueue")).sendAll(inFlight, null);
            // each message is tried maxReceiveCount (5) times, each try after the SDK's own retries
            WebSocketApiTest.awaitUntil(() -> deadLetters.list(10).size() >= inFlight.size(), Duration.ofSeconds(120));
        }
        // at least once: a parked message can be parked twice (or be invisible to one receive), never lost
        assertThat(deadLetters.replay(Set.of())).isGreaterThanOrEqualTo(inFlight.size());
        WebSocketApiTest.awaitUntil(() -> deadLetters.replay(Set.of()) >= 0 && deadLetters.list(10).isEmpty(), Duration.ofSeconds(60));

        WebSocketApiTest.awaitUntil(() -> client.track(token).body().contains("\"DELIVERED\""));
        List<TrackingEvent> stored = new TimelineStore(cloud.dynamoDb(), cloud.environmentOf("TrackingApiFunction").get("TABLE_NAME"),
                Clock.systemUTC()).all(shipmentId);
        assertThat(stored).extracting(TrackingEvent::status).map(Enum::name)
                .containsExactly("INFO_RECEIVED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
    }
}
