package dev.tracklight.local;

import dev.tracklight.core.json.Json;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Registering without a carrier: detected with its confidence, refused with the candidates when unsure, pinned when given. */
class CarrierDetectionApiTest {

    private static HttpResponse<String> register(Map<String, Object> body) throws Exception {
        return SharedCloud.client().registerShipment(SharedCloud.apiKey(), Json.write(body));
    }

    @Test
    void aDistinctiveNumberIsRegisteredWithTheDetectedCarrierAndHowSureWeAre() throws Exception {
        HttpResponse<String> created = register(Map.of("trackingNumber", "1Z 204W 4R03 0807 1865", "orderId", "o-detect"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Map<?, ?> shipment = Json.read(created.body(), Map.class);
        assertThat(shipment.get("carrier")).isEqualTo("ups");
        Map<?, ?> choice = (Map<?, ?>) shipment.get("carrierChoice");
        assertThat(choice.get("pinned")).isEqualTo(false);
        assertThat(((Number) choice.get("confidence")).doubleValue()).isGreaterThan(0.9);
        assertThat(choice.get("why").toString()).contains("check digit");
    }

    @Test
    void anAmbiguousNumberIsRefusedWithItsCandidatesUntilTheMerchantPinsTheCarrier() throws Exception {
        HttpResponse<String> refused = register(Map.of("trackingNumber", "123456789012345"));
        HttpResponse<String> pinned = register(Map.of("trackingNumber", "123456789012345", "carrier", "fedex"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.read(refused.body(), Map.class).get("detail").toString()).contains("fedex (40%)").contains("\"carrier\"");
        assertThat(pinned.statusCode()).isEqualTo(201);
        assertThat(((Map<?, ?>) Json.read(pinned.body(), Map.class).get("carrierChoice")).get("pinned")).isEqualTo(true);
    }
}
