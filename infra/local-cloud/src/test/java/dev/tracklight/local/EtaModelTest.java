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
        var created = SharedCloud.client().registerShipment(SharedCloud.apiKey(), Json.write(Map.of("carrier", "jd", "trackingNumber", number,
                "serviceLevel", "eta-model-test", "origin", SHENZHEN, "destination", SHANGHAI)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return SharedCloud.tokenOf(Json.read(created.body(), Map.class));
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
            WebSocketApiTest.awaitUntil(() -> SharedCloud.client().track(token).body().contains("\"DELIVERED\""), Duration.ofSeconds(60));
        }
        String next = SharedCloud.uniqueTrackingNumber();
        String token = register(next);
        Instant pickedUp = Instant.now().minus(Duration.ofHours(3));
        post(next, "PICKED_UP", pickedUp);

        // each scan re-estimates; the model may still be learning the last deliveries, so keep scanning
        Instant[] scan = {pickedUp.plus(Duration.ofHours(1))};
        WebSocketApiTest.awaitUntil(() -> {
            post(next, "IN_TRANSIT", scan[0] = scan[0].plusSeconds(60));
            Thread.sleep(300);
            Map<?, ?> eta = (Map<?, ?>) Json.read(SharedCloud.client().track(token).body(), Map.class).get("eta");
            return eta != null && "LANE_HISTORY".equals(eta.get("basis"));
        }, Duration.ofSeconds(60));
        Map<?, ?> eta = (Map<?, ?>) Json.read(SharedCloud.client().track(token).body(), Map.class).get("eta");
        assertThat(Instant.parse((String) eta.get("likely"))).as("about 1.3 business days after the pick-up, and not in the past")
                .isBetween(Instant.now().minus(Duration.ofMinutes(5)), pickedUp.plus(Duration.ofDays(6)));
        assertThat(((Number) eta.get("confidence")).doubleValue()).isEqualTo(0.8);

        // a trained engine never fails a shipment: scans dated outside its calendar fall back to other estimates
        String old = SharedCloud.uniqueTrackingNumber();
        String oldToken = register(old);
        post(old, "PICKED_UP", Instant.parse("1998-03-02T08:00:00Z"));
        post(old, "DELIVERED", Instant.parse("1998-03-04T08:00:00Z"));
        WebSocketApiTest.awaitUntil(() -> SharedCloud.client().track(oldToken).body().contains("\"DELIVERED\""));
    }
}
