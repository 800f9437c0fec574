package dev.tracklight.local;

import dev.tracklight.core.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Deliveries through the pipeline train the transit engine, whose window the next shipment on the lane shows. */
class EtaModelTest {

    private static final Map<String, Object> SHENZHEN = Map.of("city", "Shenzhen", "region", "GD", "country", "CN", "postalCode", "518000");
    private static final Map<String, Object> SHANGHAI = Map.of("city", "Shanghai", "region", "SH", "country", "CN", "postalCode", "200000");

    private static String register(String number) throws Exception {
        return SharedCloud.tokenOf(registered(number, Map.of()));
    }

    private static Map<?, ?> registered(String number, Map<String, Object> more) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("carrier", "jd", "trackingNumber", number,
                "serviceLevel", "eta-model-test", "origin", SHENZHEN, "destination", SHANGHAI));
        body.putAll(more);
        var created = SharedCloud.client().registerShipment(SharedCloud.apiKey(), Json.write(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.read(created.body(), Map.class);
    }

    private static void post(String number, String status, Instant at) throws Exception {
        var body = SharedCloud.webhook("jd", number, status, status, at.toString(), status.toLowerCase());
        assertThat(SharedCloud.client().postSignedWebhook(SharedCloud.SECRET, body).statusCode()).isEqualTo(202);
    }

    @Test
    void aLaneWithEnoughDeliveriesGivesTheNextShipmentAnEngineWindow() throws Exception {
        List<String> tokens = new ArrayList<>();
        Instant monday = Instant.parse("2026-09-07T02:00:00Z");
        for (int i = 0; i < 35; i++) {
            String number = SharedCloud.uniqueTrackingNumber();
            tokens.add(register(number));
            Instant pickedUp = monday.plus(Duration.ofDays(i / 5 * 7L + i % 5));
            post(number, "PICKED_UP", pickedUp);
            post(number, "DELIVERED", pickedUp.plus(Duration.ofHours(30 + i % 7)));
        }
        for (String token : tokens) {
            WebSocketApiTest.awaitUntil(() -> SharedCloud.client().track(token).body().contains("\"DELIVERED\""), SharedCloud.JOURNEY);
        }
        String next = SharedCloud.uniqueTrackingNumber();
        Map<?, ?> nextShipment = registered(next, Map.of("promisedDelivery", java.time.LocalDate.now().plusDays(14).toString()));
        String token = SharedCloud.tokenOf(nextShipment);
        Instant pickedUp = Instant.now().minus(Duration.ofHours(3));
        post(next, "PICKED_UP", pickedUp);

        // each scan re-estimates; the learner runs on its schedule (fired here rather than waited for), and the
        // processor reads the model it wrote within a minute, so keep scanning
        Instant[] scan = {pickedUp.plus(Duration.ofHours(1))};
        WebSocketApiTest.awaitUntil(() -> {
            SharedCloud.get().fireSchedules();
            post(next, "IN_TRANSIT", scan[0] = scan[0].plusSeconds(60));
            Thread.sleep(300);
            Map<?, ?> eta = (Map<?, ?>) Json.read(SharedCloud.client().track(token).body(), Map.class).get("eta");
            return eta != null && "LANE_HISTORY".equals(eta.get("basis"));
        }, SharedCloud.JOURNEY);
        Map<?, ?> eta = (Map<?, ?>) Json.read(SharedCloud.client().track(token).body(), Map.class).get("eta");
        assertThat(Instant.parse((String) eta.get("likely"))).as("about 1.3 business days after the pick-up, and not in the past")
                .isBetween(Instant.now().minus(Duration.ofMinutes(5)), pickedUp.plus(Duration.ofDays(6)));
        assertThat(((Number) eta.get("confidence")).doubleValue()).isEqualTo(0.8);
        // the merchant API shows the EDD and the chance of missing a promise two weeks out: small, no warning
        var resource = SharedCloud.client().send(java.net.http.HttpRequest.newBuilder(SharedCloud.get().httpEndpoint()
                .resolve("/v1/shipments/" + nextShipment.get("id"))).header("Authorization", "Bearer " + SharedCloud.apiKey()));
        Map<?, ?> merchantEta = (Map<?, ?>) Json.read(resource.body(), Map.class).get("eta");
        assertThat(merchantEta.get("estimatedDeliveryDate")).isNotNull();
        assertThat(((Number) merchantEta.get("lateProbability")).doubleValue()).isLessThan(0.2);
        assertThat(merchantEta.get("lateWarning")).isEqualTo(false);
        assertThat(((Map<?, ?>) Json.read(resource.body(), Map.class).get("delay")).get("status")).isEqualTo("ON_TIME");

        // scans dated before the engine's calendar never reach it: refused at the door, naming the field
        String old = SharedCloud.uniqueTrackingNumber();
        register(old);
        var refused = SharedCloud.client().postSignedWebhook(SharedCloud.SECRET,
                SharedCloud.webhook("jd", old, "PICKED_UP", "PU", "1998-03-02T08:00:00Z", "picked up"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("occurredAt 1998-03-02T08:00:00Z is outside the accepted window");
    }
}
