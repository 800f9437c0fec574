package dev.tracklight.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.api.TrackingApiHandler;
import dev.tracklight.aws.bus.ShipmentEvents;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.env.WebhookDestinations;
import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.WebhookDeliveryStore;
import dev.tracklight.aws.store.WebhookDeliveryStore.DeliveryKey;
import dev.tracklight.aws.store.WebhookSubscriptionStore;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.outbound.DestinationPolicy;
import dev.tracklight.core.outbound.RetrySchedule;
import dev.tracklight.core.outbound.WebhookDelivery;
import dev.tracklight.core.outbound.WebhookEventType;
import dev.tracklight.core.webhook.WebhookSignature;
import dev.tracklight.local.WebhookReceiver.Received;
import dev.tracklight.local.invoke.LocalContext;
import dev.tracklight.outbound.HttpWebhookTransport;
import dev.tracklight.outbound.WebhookDispatcher;
import dev.tracklight.outbound.WebhookRetries;
import dev.tracklight.outbound.WebhookSender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merchant webhooks end to end on the local cloud: a shipment's announcements reach the dispatch function
 * through the bus, its first attempts hit a real receiver on 127.0.0.1, and the retry sender (run here at
 * the moments the schedule names, as the template's one-minute timer would) delivers the rest.
 */
class OutboundWebhooksTest {

    private static OpenApiContract contract;
    private static WebhookDeliveryStore deliveries;
    private static WebhookSubscriptionStore subscriptions;

    @BeforeAll
    static void load() throws Exception {
        contract = new OpenApiContract();
        deliveries = new WebhookDeliveryStore(SharedCloud.get().dynamoDb(), SharedCloud.table());
        subscriptions = new WebhookSubscriptionStore(SharedCloud.get().dynamoDb(), SharedCloud.table());
    }

    private static String tenantKey() throws Exception {
        return new ApiKeyStore(SharedCloud.get().dynamoDb(), SharedCloud.table()).issue("tenant-" + UUID.randomUUID());
    }

    private static Map<?, ?> json(HttpResponse<String> response) {
        return Json.read(response.body(), Map.class);
    }

    private static Map<?, ?> subscribe(String key, String url, List<String> events) throws Exception {
        var created = ApiCalls.call(contract, "POST", "/v1/webhooks", "/v1/webhooks", key, Json.write(Map.of("url", url, "events", events)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    private static String register(String key, String number) throws Exception {
        var created = ApiCalls.call(contract, "POST", "/v1/shipments", "/v1/shipments", key,
                Json.write(Map.of("carrier", "ups", "trackingNumber", number, "orderId", "order-" + number)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return (String) json(created).get("id");
    }

    private static List<Map<?, ?>> deliveriesOf(String key, String hookId, String query) throws Exception {
        var listed = ApiCalls.call(contract, "GET", "/v1/webhooks/{id}/deliveries", "/v1/webhooks/" + hookId + "/deliveries?limit=200" + query, key, null);
        return ((List<?>) json(listed).get("deliveries")).stream().map(delivery -> (Map<?, ?>) delivery).collect(Collectors.toList());
    }

    private static Map<?, ?> hook(String key, String hookId) throws Exception {
        return json(ApiCalls.call(contract, "GET", "/v1/webhooks/{id}", "/v1/webhooks/" + hookId, key, null));
    }

    /** Waits until the announcements so far have made their deliveries and each had its first attempt. */
    private static List<Map<?, ?>> awaitFirstAttempts(String key, String hookId, int atLeast) throws Exception {
        int[] seen = {-1};
        WebSocketApiTest.awaitUntil(() -> {
            List<Map<?, ?>> now = deliveriesOf(key, hookId, "");
            boolean settled = now.size() >= atLeast && now.size() == seen[0]
                    && now.stream().allMatch(delivery -> ((Number) delivery.get("attempts")).intValue() >= 1);
            seen[0] = now.size();
            if (!settled) {
                Thread.sleep(300);
            }
            return settled;
        }, SharedCloud.JOURNEY);
        return deliveriesOf(key, hookId, "");
    }

    private static WebhookSender sender(DestinationPolicy policy, Instant now) {
        return new WebhookSender(deliveries, subscriptions, new HttpWebhookTransport(policy, DestinationPolicy.Resolver.SYSTEM),
                RetrySchedule.DEFAULT, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** The retry function's work, as its schedule would run it at {@code now}. */
    private static void retriesAt(Instant now) {
        new WebhookRetries(deliveries, sender(new DestinationPolicy(true), now), Clock.fixed(now, ZoneOffset.UTC)).run(Deadline.none());
    }

    /** Runs the retry sender at each pending delivery's next attempt until none is pending (or {@code maxRuns}). */
    private static void followTheSchedule(String key, String hookId, int maxRuns, java.util.function.BooleanSupplier stop) throws Exception {
        for (int run = 0; run < maxRuns && !stop.getAsBoolean(); run++) {
            List<Map<?, ?>> pending = deliveriesOf(key, hookId, "&status=PENDING");
            if (pending.isEmpty()) {
                return;
            }
            retriesAt(pending.stream().map(delivery -> Instant.parse((String) delivery.get("nextAttemptAt"))).max(Instant::compareTo).orElseThrow());
        }
    }

    @Test
    void aReceiverThatFailsTheFirstAttemptsReceivesEachEventLaterExactlyOnceWithAValidSignature() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(request -> request <= 2 ? 500 : 204)) {
            // GIVEN a merchant subscribed to every event, whose receiver fails each event's first two requests
            String key = tenantKey();
            Map<?, ?> hook = subscribe(key, receiver.url(), List.of("shipment.updated", "shipment.delayed", "shipment.back_on_track", "shipment.delivered"));
            String hookId = (String) hook.get("id");
            String secret = (String) hook.get("secret");

            // WHEN a shipment is registered and delivered, and the first attempts have failed
            String number = SharedCloud.uniqueTrackingNumber();
            String shipmentId = register(key, number);
            assertThat(SharedCloud.client().postSignedWebhook(SharedCloud.SECRET,
                    SharedCloud.webhook("ups", number, "DELIVERED", "KB", "2026-11-20T10:00:00Z", "Delivered")).statusCode()).isEqualTo(202);
            WebSocketApiTest.awaitUntil(() -> deliveriesOf(key, hookId, "").stream().anyMatch(d -> "shipment.delivered".equals(d.get("eventType"))),
                    SharedCloud.JOURNEY);
            List<Map<?, ?>> first = awaitFirstAttempts(key, hookId, 2);
            assertThat(first).allSatisfy(delivery -> assertThat(delivery.get("status")).isEqualTo("PENDING"));
            followTheSchedule(key, hookId, 10, () -> false);

            // THEN every delivery is delivered, each event id was answered 2xx exactly once, on the third try
            List<Map<?, ?>> done = deliveriesOf(key, hookId, "");
            assertThat(done).hasSameSizeAs(first).allSatisfy(delivery -> {
                assertThat(delivery.get("status")).isEqualTo("DELIVERED");
                assertThat(((Number) delivery.get("attempts")).intValue()).isEqualTo(3);
            });
            Map<String, List<Received>> byEvent = receiver.received().stream().collect(Collectors.groupingBy(Received::eventId));
            assertThat(byEvent.keySet()).containsExactlyInAnyOrderElementsOf(done.stream().map(d -> (String) d.get("id")).toList());
            for (var event : byEvent.entrySet()) {
                List<Received> requests = event.getValue();
                assertThat(requests).extracting(Received::answered).as(event.getKey()).containsExactly(500, 500, 204);
                assertThat(requests).extracting(Received::attempt).containsExactly("1", "2", "3");
                assertThat(requests).extracting(Received::body).as("the same bytes every time").containsOnly(requests.getFirst().body());
                for (Received request : requests) {
                    Instant sentAt = Instant.ofEpochSecond(Long.parseLong(request.timestamp()));
                    assertThat(WebhookSignature.verify(secret, request.timestamp(), request.body(), request.signature(), sentAt))
                            .as("signed with the subscription's secret").isTrue();
                    assertThat(WebhookSignature.verify("whsec_someone-else", request.timestamp(), request.body(), request.signature(), sentAt)).isFalse();
                }
                contract.checkSchema("WebhookEvent", requests.getFirst().body());
                Map<?, ?> body = Json.read(requests.getFirst().body(), Map.class);
                assertThat(body.get("id")).isEqualTo(event.getKey());
                assertThat(body.get("type")).isEqualTo(requests.getFirst().eventType());
                assertThat(((Map<?, ?>) ((Map<?, ?>) body.get("data")).get("shipment")).get("id")).isEqualTo(shipmentId);
            }
            assertThat(receiver.received()).filteredOn(request -> request.eventType().equals("shipment.delivered"))
                    .extracting(Received::eventId).as("one delivered event").containsOnly(byEvent.keySet().stream()
                            .filter(id -> byEvent.get(id).getFirst().eventType().equals("shipment.delivered")).findFirst().orElseThrow());

            // AND the bus repeating an announcement, and later runs, send nothing more
            int received = receiver.received().size();
            long version = ((Number) json(ApiCalls.call(contract, "GET", "/v1/shipments/{id}", "/v1/shipments/" + shipmentId, key, null))
                    .get("version")).longValue();
            WebhookDispatcher dispatcher = new WebhookDispatcher(subscriptions, new ShipmentStore(SharedCloud.get().dynamoDb(), SharedCloud.table()),
                    deliveries, sender(new DestinationPolicy(true), Instant.now()), "http://127.0.0.1", Clock.systemUTC());
            assertThat(dispatcher.dispatch(ShipmentEvents.SHIPMENT_UPDATED, Map.of("shipmentId", shipmentId, "tenantId", tenantOf(key),
                    "view", Map.of("version", version)))).as("deliveries made").isZero();
            retriesAt(Instant.now().plus(Duration.ofDays(2)));
            assertThat(receiver.received()).hasSize(received);
        }
    }

    private static String tenantOf(String key) throws Exception {
        return new ApiKeyStore(SharedCloud.get().dynamoDb(), SharedCloud.table()).find(key).orElseThrow().tenantId();
    }

    @Test
    void aReceiverThatKeepsFailingIsDisabledVisiblyAndAfterEnablingAResendIsDeliveredOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(request -> 503)) {
            // GIVEN a subscription whose receiver answers 503 to everything
            String key = tenantKey();
            String hookId = (String) subscribe(key, receiver.url(), List.of("shipment.updated")).get("id");
            register(key, SharedCloud.uniqueTrackingNumber());
            awaitFirstAttempts(key, hookId, 1);

            // WHEN the retries follow their schedule
            followTheSchedule(key, hookId, 40, () -> {
                try {
                    return "DISABLED".equals(hook(key, hookId).get("status"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            // THEN after ten failures over more than a day it is disabled, and the API says why
            Map<?, ?> disabled = hook(key, hookId);
            assertThat(disabled.get("status")).isEqualTo("DISABLED");
            assertThat(((Number) disabled.get("consecutiveFailures")).intValue()).isGreaterThanOrEqualTo(10);
            assertThat((String) disabled.get("disabledReason")).contains("failed deliveries in a row");
            assertThat(Duration.between(Instant.parse((String) disabled.get("failingSince")), Instant.parse((String) disabled.get("disabledAt"))))
                    .isGreaterThanOrEqualTo(Duration.ofHours(24));
            // its pending deliveries are not sent but kept as failed
            int received = receiver.received().size();
            retriesAt(Instant.parse((String) disabled.get("disabledAt")).plus(Duration.ofDays(1)));
            assertThat(receiver.received()).hasSize(received);
            List<Map<?, ?>> failed = deliveriesOf(key, hookId, "&status=FAILED");
            assertThat(failed).isNotEmpty().hasSameSizeAs(deliveriesOf(key, hookId, ""));

            // AND once the receiver is fixed and the merchant enables the subscription, a resend is delivered once
            receiver.answer(request -> 200);
            String eventId = (String) failed.getFirst().get("id");
            String resendPath = "/v1/webhooks/" + hookId + "/deliveries/" + eventId + "/resend";
            assertThat(ApiCalls.call(contract, "POST", "/v1/webhooks/{id}/deliveries/{eventId}/resend", resendPath, key, null).statusCode()).isEqualTo(409);
            Map<?, ?> enabled = json(ApiCalls.call(contract, "PATCH", "/v1/webhooks/{id}", "/v1/webhooks/" + hookId, key, "{\"enabled\":true}"));
            assertThat(enabled.get("status")).isEqualTo("ACTIVE");
            assertThat(((Number) enabled.get("consecutiveFailures")).intValue()).isZero();
            assertThat(ApiCalls.call(contract, "POST", "/v1/webhooks/{id}/deliveries/{eventId}/resend", resendPath, key, null).statusCode()).isEqualTo(202);
            retriesAt(Instant.now().plusSeconds(1));
            retriesAt(Instant.now().plusSeconds(120));
            assertThat(receiver.received()).filteredOn(request -> request.eventId().equals(eventId) && request.answered() == 200).hasSize(1);
            assertThat(deliveriesOf(key, hookId, "&status=DELIVERED")).extracting(delivery -> (Object) delivery.get("id")).containsExactly((Object) eventId);
        }
    }

    @Test
    void aDeliveryNotStartedBeforeTheRunsDeadlineIsLeftDueAndMadeByTheNextRun() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(request -> 204)) {
            // GIVEN a due delivery, of a tenant of its own
            String key = tenantKey();
            String hookId = (String) subscribe(key, receiver.url(), List.of("shipment.updated")).get("id");
            var subscription = subscriptions.find(tenantOf(key), hookId).orElseThrow();
            Instant now = Instant.now();
            deliveries.create(WebhookDelivery.pending(subscription, "evt_deferred", WebhookEventType.SHIPMENT_UPDATED, "shp_none", "{}", now));
            List<DeliveryKey> due = List.of(new DeliveryKey(hookId, "evt_deferred"));

            // WHEN a run whose time is up reaches it
            var late = sender(new DestinationPolicy(true), now).attemptAll(due, Map.of(), Deadline.after(Duration.ZERO));

            // THEN it is not attempted, and still due
            assertThat(late).containsExactly(Map.entry(WebhookSender.Outcome.DEFERRED, 1));
            assertThat(receiver.received()).isEmpty();
            assertThat(deliveries.find(hookId, "evt_deferred").orElseThrow().claimableAt(now)).isTrue();

            // AND the next run delivers it
            assertThat(sender(new DestinationPolicy(true), now).attemptAll(due, Map.of(), Deadline.none()))
                    .containsExactly(Map.entry(WebhookSender.Outcome.DELIVERED, 1));
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void aProductionDeploymentRefusesPrivateDestinationsWhenSavingAndAgainWhenSending() throws Exception {
        // GIVEN the API function as deployed for production: private destinations not allowed
        Map<String, String> variables = new HashMap<>(SharedCloud.get().environmentOf("TrackingApiFunction"));
        variables.put(WebhookDestinations.ALLOW_PRIVATE, "false");
        TrackingApiHandler production = new TrackingApiHandler(new FunctionEnvironment(variables));
        String key = tenantKey();

        // WHEN a merchant subscribes URLs on loopback, private and metadata addresses
        for (String url : List.of("http://93.184.216.34/plain-http", "https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook",
                "https://169.254.169.254/latest/meta-data/", "https://10.0.0.8/hook", "https://192.168.1.20/hook")) {
            APIGatewayV2HTTPEvent request = APIGatewayV2HTTPEvent.builder().withRouteKey("POST /v1/webhooks")
                    .withHeaders(Map.of("authorization", "Bearer " + key, "content-type", "application/json"))
                    .withBody(Json.write(Map.of("url", url, "events", List.of("shipment.updated")))).build();
            var response = production.handle(request, new LocalContext("TrackingApiFunction", Duration.ofSeconds(15)));

            // THEN each is refused with the reason
            assertThat(response.getStatusCode()).as(url).isEqualTo(422);
            assertThat(response.getBody()).as(url).containsAnyOf("must be https", "private, loopback or reserved address");
        }

        // AND a subscription saved where they were allowed is refused by a production sender at send time
        try (WebhookReceiver receiver = new WebhookReceiver(request -> 200)) {
            String hookId = (String) subscribe(key, receiver.url(), List.of("shipment.updated")).get("id");
            var subscription = subscriptions.find(tenantOf(key), hookId).orElseThrow();
            Instant now = Instant.now();
            assertThat(deliveries.create(WebhookDelivery.pending(subscription, "evt_refused", WebhookEventType.SHIPMENT_UPDATED, "shp_none", "{}", now))).isTrue();

            var outcomes = sender(new DestinationPolicy(false), now).attemptAll(List.of(new DeliveryKey(hookId, "evt_refused")), Map.of(), Deadline.none());

            assertThat(outcomes).containsEntry(WebhookSender.Outcome.RETRYING, 1);
            assertThat(receiver.received()).isEmpty();
            assertThat(deliveries.find(hookId, "evt_refused").orElseThrow().recentAttempts().getFirst().error())
                    .as("an http URL on 127.0.0.1: refused before any connection").startsWith("destination refused: url must be https");
        }
    }
}
